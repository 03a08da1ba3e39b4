import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseFile } from './index';
import { generatedFile, streamGeneratedFile } from './streaming-check';

const ROOT = join(__dirname, '..', '..', '..', '..');
const MEGABYTES = 128;

describe('streaming', () => {
  it(`streams a generated ${MEGABYTES} MB file with flat memory and exact counts (child process)`, async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--expose-gc',
        '-r',
        'ts-node/register/transpile-only',
        // The parsers import the domain lib (@app/domain), resolved through tsconfig's paths.
        '-r',
        'tsconfig-paths/register',
        join(__dirname, 'streaming-check.ts'),
        String(MEGABYTES),
      ],
      { cwd: ROOT, env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') }, maxBuffer: 1024 * 1024 },
    );
    const result = JSON.parse(stdout);
    expect(result.stats.bytes).toBeGreaterThanOrEqual(MEGABYTES * 1024 * 1024);
    expect(result.summary).toMatchObject({
      rowsRead: result.stats.rows,
      records: result.expected.records,
      rowsWithProblems: result.expected.problems,
      skipped: { 'not an all-sexes, all-ages total row': result.expected.skipped },
      fatal: null,
    });
    expect(result.stats.rows).toBeGreaterThan(1_500_000);
    expect(result.records).toBe(result.expected.records);
    expect(result.problems).toBe(result.expected.problems);
    expect(result.patientSum).toBe(result.expected.patientSum);
    // Live heap + buffers after a full GC stay within a few MB whatever the file size (the file is 128 MB).
    expect(result.gcAvailable).toBe(true);
    expect(result.maxLiveGrowth).toBeLessThan(24 * 1024 * 1024);
    // 13-16 s on a loaded 2-core machine, over 60 s with two whole test runs beside it (load average 20).
  }, 120_000);

  it('gives the same counts in-process on a smaller file', async () => {
    const result = await streamGeneratedFile(4);
    expect(result.summary).toMatchObject({
      rowsRead: result.stats.rows,
      records: result.expected.records,
      fatal: null,
    });
    expect(result.problems).toBe(result.expected.problems);
    expect(result.patientSum).toBe(result.expected.patientSum);
  });

  it('reads the source only as fast as the consumer takes events (backpressure), and stops it on break', async () => {
    const { source, stats } = generatedFile(1024 * 1024 * 1024);
    const events = parseFile(source, 'list-size-gp-reg', { today: '2021-01-01' });
    const first = await events.next();
    expect(first.value).toMatchObject({ kind: 'record', row: 2, record: { practiceCode: 'A00000', patients: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A gigabyte is waiting; only the chunks for the first rows (plus the stream's read-ahead) were made.
    expect(stats.chunks).toBeLessThanOrEqual(4);
    for (let i = 0; i < 5000; i++) await events.next();
    expect(stats.chunks).toBeLessThanOrEqual(12);
    await events.return();
    expect(source.destroyed).toBe(true);
  });
});
