import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { figuresOnDatesSql } from '@app/figures';
import { CreateImportDto, ImportsService, ImportState } from '@app/imports';
import { prepareImportBench } from './import-files';
import { ImportsScriptModule } from '../imports-script.module';

/**
 * The first figures after a big import, on a database whose autovacuum has not run since its first month
 * (it is turned off for this database's tables, whatever the server's setting): the full-size England
 * files of bench:import (8,000 practices, 24 months of list sizes and POMI) through the real importer,
 * with one ANALYZE after the first month, then the national figures of the last 4 month-ends, each
 * timed, with the join types of their plan: first as the imports left the planner statistics, then after
 * `ANALYZE` of every table. Imports analyse what they changed (docs/imports.md), so both should be alike.
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only scripts/bench/figures-after-import.ts
 */
const DB = 'pot_bench_figures_after_import';
const WORK = join(tmpdir(), 'pot-bench-figures-after-import');
const MONTH_ENDS = ['2020-09-30', '2020-10-31', '2020-11-30', '2020-12-31'];
const TABLES = ['region', 'ccg', 'practice', 'list_size', 'status_event', 'status_span', 'clinical_system_report'];

async function main() {
  const { files, db } = await prepareImportBench(DB, WORK);
  for (const table of TABLES) await db.query(`ALTER TABLE "${table}" SET (autovacuum_enabled = false)`);
  // Here by hand; in production they come by import, which analyses them as it does the rest.
  await db.query(`ANALYZE region, ccg`);

  const app = await NestFactory.createApplicationContext(ImportsScriptModule, { logger: ['error', 'warn'] });
  const imports = app.get(ImportsService);
  try {
    console.log('Importing (1 practice list, 24 list-size and 24 POMI months)…');
    const started = Date.now();
    const importFile = async (path: string, dto: Partial<CreateImportDto>) => {
      const created = await imports.createFromPath(path, dto as CreateImportDto);
      await imports.process(created.id);
      const run = await imports.get(created.id);
      if (run.state !== ImportState.Succeeded) throw new Error(`${path}: ${run.state}: ${run.message}`);
    };
    await importFile(files.epraccur, { kind: 'epraccur' });
    await importFile(files.listSizes[0], { kind: 'list-size-gp-reg' });
    await importFile(files.pomi[0], { kind: 'pomi-long' });
    // Statistics of the first month only, as a database analysed once (by the demo, or autovacuum early on).
    await db.query(`ANALYZE`);
    for (const path of files.listSizes.slice(1)) await importFile(path, { kind: 'list-size-gp-reg' });
    for (const path of files.pomi.slice(1)) await importFile(path, { kind: 'pomi-long' });
    console.log(`imported in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`analysed by hand so far: ${await analyseCounts(db)}`);

    console.log('\n| statistics | ' + MONTH_ENDS.join(' | ') + ' | joins of the plan |');
    console.log('|---|' + MONTH_ENDS.map(() => '---|').join('') + '---|');
    console.log(await timedRow(db, 'as the imports left them'));
    console.log(await timedRow(db, 'as the imports left them, again'));
    await db.query(`ANALYZE`);
    console.log(await timedRow(db, 'after ANALYZE of every table'));
  } finally {
    await app.close();
    await db.end();
    await rm(WORK, { recursive: true, force: true });
  }
}

/** Each month-end's national figures, timed one after the other, and the join nodes of the first's plan. */
async function timedRow(db: Client, label: string): Promise<string> {
  const sql = figuresOnDatesSql('national', false);
  const ms: string[] = [];
  for (const day of MONTH_ENDS) {
    const started = process.hrtime.bigint();
    await db.query(sql, [[day], null]);
    ms.push(`${Math.round(Number(process.hrtime.bigint() - started) / 1e6)} ms`);
  }
  const explained = await db.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${sql}`, [
    [MONTH_ENDS[0]],
    null,
  ]);
  return `| ${label} | ${ms.join(' | ')} | ${joinTypes(explained.rows[0]['QUERY PLAN'][0].Plan).join(', ')} |`;
}

interface PlanNode {
  'Node Type': string;
  Plans?: PlanNode[];
}

/** The join nodes of a plan, counted by type: `Nested Loop ×3, Hash Join ×2`. */
function joinTypes(root: PlanNode): string[] {
  const counts = new Map<string, number>();
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (/Join|Nested Loop/.test(node['Node Type']))
      counts.set(node['Node Type'], (counts.get(node['Node Type']) ?? 0) + 1);
    stack.push(...(node.Plans ?? []));
  }
  return [...counts].map(([type, n]) => `${type} ×${n}`);
}

async function analyseCounts(db: Client): Promise<string> {
  const { rows } = await db.query<{ relname: string; n: number }>(
    `SELECT relname, analyze_count::int AS n FROM pg_stat_user_tables WHERE relname = ANY($1) ORDER BY relname`,
    [TABLES],
  );
  return rows.map((r) => `${r.relname} ${r.n}`).join(', ');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
