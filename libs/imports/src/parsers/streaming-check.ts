import { Readable } from 'node:stream';
import { parseFileBatches } from './index';

/**
 * Streams a generated gp-reg list-size file of a given size through the parser and reports counts,
 * time and live memory. Run by streaming.spec.ts in a child Node process (`--expose-gc`, so live heap can
 * be measured; and outside Jest's VM sandbox, which makes the parse several times slower than in
 * production). Also usable by hand:
 * `node --expose-gc -r ts-node/register/transpile-only -r tsconfig-paths/register <this file> 200`.
 */
const HEADER = 'PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\r\n';

/** The date of every generated row (01JAN2021); "today" for the parse, so none is in the future. */
const GENERATED_DATE = '2021-01-01';

/** Row i: every 1,000th row (999, 1999, …) is a breakdown row (skipped), every 5,000th from 2,500 is bad; no list is
 * zero. */
export function generatedRow(i: number): string {
  const code = `${String.fromCharCode(65 + (i % 26))}${String(i % 100_000).padStart(5, '0')}`;
  const sex = i % 1000 === 999 ? 'MALE' : 'ALL';
  const patients = i % 5000 === 2500 ? '-1' : String(1 + (i % 20_000));
  return `GP_PRAC_PAT_LIST,01JAN2021,GP,00L,E38000130,${code},"NE65 7UW",${sex},ALL,${patients}\r\n`;
}

/** A file of about `targetBytes`, made chunk by chunk as it is read: never whole, never on disk. */
export function generatedFile(targetBytes: number) {
  const stats = { bytes: 0, rows: 0, chunks: 0 };
  const source = new Readable({
    highWaterMark: 64 * 1024,
    read() {
      if (stats.bytes >= targetBytes) {
        this.push(null);
        return;
      }
      let chunk = stats.chunks === 0 ? HEADER : '';
      while (chunk.length < 64 * 1024) chunk += generatedRow(stats.rows++);
      stats.chunks++;
      stats.bytes += chunk.length;
      this.push(chunk);
    },
  });
  return { source, stats };
}

export async function streamGeneratedFile(megabytes: number) {
  const gc = (globalThis as { gc?: () => void }).gc;
  const live = () => {
    gc?.();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const { source, stats } = generatedFile(megabytes * 1024 * 1024);
  const started = Date.now();
  const baseline = live();
  let maxLiveGrowth = 0;
  let records = 0;
  let problems = 0;
  let patientSum = 0;
  let summary;
  for await (const batch of parseFileBatches(source, 'list-size-gp-reg', { maxProblems: 0, today: GENERATED_DATE })) {
    for (const event of batch) {
      if (event.kind === 'record') {
        records++;
        patientSum += event.record.patients;
        if (gc && records % 250_000 === 0) maxLiveGrowth = Math.max(maxLiveGrowth, live() - baseline);
      } else if (event.kind === 'problem') problems++;
      else summary = event.summary;
    }
  }
  const expected = { records: 0, skipped: 0, problems: 0, patientSum: 0 };
  for (let i = 0; i < stats.rows; i++) {
    if (i % 1000 === 999) expected.skipped++;
    else if (i % 5000 === 2500) expected.problems++;
    else {
      expected.records++;
      expected.patientSum += 1 + (i % 20_000);
    }
  }
  return {
    ms: Date.now() - started,
    gcAvailable: !!gc,
    maxLiveGrowth,
    stats,
    records,
    problems,
    patientSum,
    summary,
    expected,
  };
}

if (require.main === module) {
  streamGeneratedFile(Number(process.argv[2] ?? 200)).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (err: Error | undefined) => {
      process.stderr.write(`${String(err?.stack ?? err)}\n`);
      process.exit(1);
    },
  );
}
