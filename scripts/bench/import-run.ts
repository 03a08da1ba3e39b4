import { createRequire } from 'node:module';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { NestFactory as NestFactoryType } from '@nestjs/core';
import type { CreateImportDto, ImportRunDto, ImportsService } from '@app/imports';
import type { Build } from './bench-support';
import type { BenchFiles } from './import-files';
import { clearRedisPrefix } from '../../test/setup/redis-keys';

/**
 * One run of `npm run bench:import` (import.ts), in a process of its own so that only one build's code is
 * loaded: that build's importer (its ImportsScriptModule and ImportsService, with its own node_modules),
 * on a database made by that build's migrations, in this process (parse, stage with COPY, checks, upserts,
 * spans and list-size links, one transaction per file), next to PostgreSQL's plain `COPY … (FORMAT csv)`
 * of the same files into an empty table of text columns: the fastest a file can go into PostgreSQL at all.
 * Prints rows/s of both and their ratio, and a last line `BENCH_IMPORT_RESULT {…}` for import.ts.
 * Same rows (the whole file, rows the importer skips included), not the same target shape (no types,
 * indexes or history): a lower bound on cost, so the ratio is conservative (docs/imports.md).
 *
 * Nothing of the product is imported here but types: everything runs from the build given in BENCH_IMPORT_RUN.
 */
export interface ImportRun {
  build: Build;
  database: string;
  redisPrefix: string;
  work: string;
  files: BenchFiles;
}

export interface ImportResult {
  build: string;
  rows: number;
  importMs: number;
  copyMs: number;
  practiceListMs: number;
  againMs: number;
}

/** Starts the line that carries a run's ImportResult to import.ts. */
export const RESULT_PREFIX = 'BENCH_IMPORT_RESULT ';

export interface Timing {
  rows: number;
  ms: number;
}

const add = (a: Timing, b: Timing): Timing => ({ rows: a.rows + b.rows, ms: a.ms + b.ms });
const ZERO: Timing = { rows: 0, ms: 0 };
const perSecond = (t: Timing) => (t.ms ? Math.round((t.rows * 1000) / t.ms) : 0);

async function main() {
  const { build, database, redisPrefix, work, files } = JSON.parse(process.env.BENCH_IMPORT_RUN!) as ImportRun;
  Object.assign(process.env, {
    DB_NAME: database,
    REDIS_PREFIX: redisPrefix,
    IMPORT_DIR: join(work, `store-${redisPrefix}`),
    LOG_LEVEL: 'warn',
  });
  // The build's own Nest and modules (resolved in its checkout), never this checkout's.
  const fromBuild = createRequire(join(build.root, 'package.json'));
  fromBuild('reflect-metadata');
  const { NestFactory } = fromBuild('@nestjs/core') as { NestFactory: typeof NestFactoryType };
  const { ImportsScriptModule } = fromBuild(join(build.dist, 'scripts/imports-script.module')) as {
    ImportsScriptModule: Parameters<typeof NestFactoryType.createApplicationContext>[0];
  };
  const { ImportsService: Service } = fromBuild(join(build.dist, 'libs/imports/src')) as {
    ImportsService: typeof ImportsService;
  };
  const { loadConfig, pgClientConfig } = fromBuild(join(build.dist, 'libs/config/src')) as typeof import('@app/config');
  const config = loadConfig();
  const db = new Client(pgClientConfig(config, database));
  await db.connect();

  const app = await NestFactory.createApplicationContext(ImportsScriptModule, { logger: ['error', 'warn'] });
  const imports = app.get(Service);
  const importFile = async (path: string, dto: Partial<CreateImportDto>): Promise<Timing & { run: ImportRunDto }> => {
    const created = await imports.createFromPath(path, dto as CreateImportDto);
    const started = process.hrtime.bigint();
    await imports.process(created.id);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const run = await imports.get(created.id);
    if (String(run.state) !== 'succeeded')
      throw new Error(`${path}: ${run.state}: ${run.message} ${JSON.stringify(run.problems?.slice(0, 3))}`);
    return { rows: run.rowsRead, ms, run };
  };

  try {
    // Each file is imported, then COPYed, back to back: both see the same machine load.
    console.log('Importing, and COPYing the same files…');
    const dataset = async (paths: string[], dto: Partial<CreateImportDto>, columns: number, header: boolean) => {
      let imported = ZERO;
      let copied = ZERO;
      let events = 0;
      for (const path of paths) {
        const t = await importFile(path, dto);
        imported = add(imported, t);
        events += t.run.summary?.changes.statusEvents?.added ?? 0;
        copied = add(copied, await copyFile(db, path, columns, header));
      }
      return { imported, copied, events };
    };
    const practices = await dataset([files.epraccur], { kind: 'epraccur' }, 27, false);
    const listSizes = await dataset(files.listSizes, { kind: 'list-size-gp-reg' }, 10, true);
    const pomi = await dataset(files.pomi, { kind: 'pomi-long' }, 10, true);
    // The same files a second time: nothing is left to write, so this is what reading and checking
    // alone cost (parse, stage, locks, checks, run bookkeeping): the floor any write path sits on.
    const again = async (paths: string[], dto: Partial<CreateImportDto>) => {
      let imported = ZERO;
      let last: ImportRunDto | undefined;
      for (const path of paths) {
        const t = await importFile(path, dto);
        imported = add(imported, t);
        last = t.run;
      }
      return { imported, changes: last?.summary?.changes ?? {} };
    };
    const practicesAgain = await again([files.epraccur], { kind: 'epraccur' });
    const listSizesAgain = await again(files.listSizes, { kind: 'list-size-gp-reg' });
    const pomiAgain = await again(files.pomi, { kind: 'pomi-long' });

    const line = (name: string, count: number, imp: Timing, copy: Timing) =>
      `| ${name} | ${count} | ${imp.rows.toLocaleString('en-GB')} | ${(imp.ms / 1000).toFixed(2)} | ` +
      `${perSecond(imp).toLocaleString('en-GB')} | ${(copy.ms / 1000).toFixed(2)} | ` +
      `${perSecond(copy).toLocaleString('en-GB')} | ${Math.round((100 * perSecond(imp)) / perSecond(copy))} % |`;
    const total = add(add(practices.imported, listSizes.imported), pomi.imported);
    const copyTotal = add(add(practices.copied, listSizes.copied), pomi.copied);
    const table = (title: string, rows: [string, number, Timing, Timing][]) => {
      console.log(`\n${title}`);
      console.log('| files | count | rows | import s | import rows/s | COPY s | COPY rows/s | import / COPY |');
      console.log('|---|---|---|---|---|---|---|---|');
      for (const row of rows) console.log(line(...row));
    };
    const count = 1 + files.listSizes.length + files.pomi.length;
    table(
      `bench:import (${build.name}) — the importer (parse, stage, check, write, one transaction per file) vs ` +
        'plain COPY into an empty table',
      [
        ['practice list (epraccur, 8,000 GP practices)', 1, practices.imported, practices.copied],
        ['list sizes (gp-reg, monthly)', files.listSizes.length, listSizes.imported, listSizes.copied],
        ['POMI long (monthly, 10 fields a practice)', files.pomi.length, pomi.imported, pomi.copied],
        ['all', count, total, copyTotal],
      ],
    );
    console.log(`\nstatus events written: ${pomi.events.toLocaleString('en-GB')} (only level changes)`);
    const totalAgain = add(add(practicesAgain.imported, listSizesAgain.imported), pomiAgain.imported);
    table('the same files again (nothing left to write: reading and checking alone), against the same COPY', [
      ['practice list', 1, practicesAgain.imported, practices.copied],
      ['list sizes', files.listSizes.length, listSizesAgain.imported, listSizes.copied],
      ['POMI long', files.pomi.length, pomiAgain.imported, pomi.copied],
      ['all', count, totalAgain, copyTotal],
    ]);
    console.log(
      `changes of the last file of each: practices ${JSON.stringify(practicesAgain.changes.practices)}, list sizes ` +
        `${JSON.stringify(listSizesAgain.changes.listSizes)}, status events ` +
        `${JSON.stringify(pomiAgain.changes.statusEvents)}`,
    );
    const ratio = perSecond(total) / perSecond(copyTotal);
    console.log(
      `\ngoal: at least 40 % of COPY throughput — ${Math.round(ratio * 100)} %: ${ratio >= 0.4 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `goal: the full practice list in under 5 s — ${(practices.imported.ms / 1000).toFixed(2)} s: ` +
        `${practices.imported.ms < 5000 ? 'met' : 'NOT met'}`,
    );
    const result: ImportResult = {
      build: build.name,
      rows: total.rows,
      importMs: total.ms,
      copyMs: copyTotal.ms,
      practiceListMs: practices.imported.ms,
      againMs: totalAgain.ms,
    };
    console.log(`${RESULT_PREFIX}${JSON.stringify(result)}`);
  } finally {
    await app.close();
    await db.end();
    await clearRedisPrefix(config, redisPrefix);
  }
}

/** COPY a file into a fresh empty table of `columns` text columns. */
async function copyFile(db: Client, path: string, columns: number, header: boolean): Promise<Timing> {
  await db.query(`DROP TABLE IF EXISTS copy_target`);
  await db.query(`CREATE TABLE copy_target (${Array.from({ length: columns }, (_, i) => `c${i} text`).join(', ')})`);
  const started = process.hrtime.bigint();
  const copy = db.query(copyFrom(`COPY copy_target FROM STDIN (FORMAT csv${header ? ', HEADER true' : ''})`));
  await pipeline(createReadStream(path), copy);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  await db.query(`DROP TABLE copy_target`);
  return { rows: copy.rowCount, ms };
}

// Only when run as a script: import.ts loads this module for RESULT_PREFIX, and must not start a run.
if (require.main === module)
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
