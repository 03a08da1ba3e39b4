import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchBuilds, connect, freshBuildDatabase, ROOT } from './bench-support';
import { generateBenchFiles, seedImportGeography } from './import-files';
import { type ImportResult, type ImportRun, RESULT_PREFIX } from './import-run';

/**
 * `npm run bench:import`: full-size England files (import-files.ts, generated once) through the real
 * importer of each build (import-run.ts, one process per run), next to plain COPY of the same files.
 * BENCH_COMPARE=../other/dist (benchBuilds): other builds measured in turn with this one, BENCH_ROUNDS
 * times interleaved, each on a fresh database made by its own migrations; a last table puts the runs side
 * by side.
 */
const DB = 'pot_bench_import';
const WORK = join(tmpdir(), 'pot-bench-import');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);

async function main() {
  const builds = benchBuilds();
  try {
    console.log('Generating the files…');
    const files = await generateBenchFiles(join(WORK, 'files'));
    const results: ImportResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, build] of builds.entries()) {
        console.log(`\n${build.name}: a fresh database by its own migrations…`);
        const config = await freshBuildDatabase(build, DB);
        const db = await connect(config);
        await seedImportGeography(db);
        await db.end();
        const run: ImportRun = { build, database: config.DB_NAME, redisPrefix: `bench_import_${i}`, work: WORK, files };
        results.push(await importRun(run));
      }
    }
    if (results.length > 1) printComparison(results);
  } finally {
    await rm(WORK, { recursive: true, force: true });
  }
}

/** import-run.ts in a process of its own, its output passed through; answers its result line. */
function importRun(run: ImportRun): Promise<ImportResult> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(ROOT, 'scripts/bench/import-run.ts')],
    { cwd: ROOT, env: { ...process.env, BENCH_IMPORT_RUN: JSON.stringify(run) }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) return reject(new Error(`${run.build.name}: the import run exited with ${code}`));
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as ImportResult);
    }),
  );
}

function printComparison(results: ImportResult[]): void {
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const perSecond = (rows: number, ms: number) => Math.round((rows * 1000) / ms).toLocaleString('en-GB');
  console.log('\nbench:import, the runs side by side (in the order measured)');
  console.log('| build | rows | import s | import rows/s | import / COPY | practice list s | the same files again s |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results)
    console.log(
      `| ${r.build} | ${r.rows.toLocaleString('en-GB')} | ${s(r.importMs)} | ${perSecond(r.rows, r.importMs)} | ` +
        `${Math.round((100 * r.copyMs) / r.importMs)} % | ${s(r.practiceListMs)} | ${s(r.againMs)} |`,
    );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
