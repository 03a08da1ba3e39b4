import { Readable } from 'node:stream';
import { parseFile } from './index';

const HEADER = 'PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\r\n';

/** Row i of a generated gp-reg file; every 1,000th row is a breakdown row (skipped), every 5,000th (from 2,500) is bad. */
function row(i: number): string {
  const code = `${String.fromCharCode(65 + (i % 26))}${String(i % 100_000).padStart(5, '0')}`;
  const sex = i % 1000 === 999 ? 'MALE' : 'ALL';
  const patients = i % 5000 === 2500 ? '-1' : String(i % 20_000);
  return `GP_PRAC_PAT_LIST,01JAN2021,GP,00L,E38000130,${code},"NE65 7UW",${sex},ALL,${patients}\r\n`;
}

/**
 * A gp-reg file of about `targetBytes`, generated chunk by chunk as it is read: never held whole, not
 * written to disk. `stats` shows how far the reader has pulled.
 */
function generatedFile(targetBytes: number) {
  const stats = { bytes: 0, rows: 0, chunks: 0 };
  const source = new Readable({
    highWaterMark: 64 * 1024,
    read() {
      if (stats.bytes >= targetBytes) {
        this.push(null);
        return;
      }
      let chunk = stats.chunks === 0 ? HEADER : '';
      while (chunk.length < 64 * 1024) chunk += row(stats.rows++);
      stats.chunks++;
      stats.bytes += chunk.length;
      this.push(chunk);
    },
  });
  return { source, stats };
}

describe('streaming', () => {
  it('streams a ~100 MB file with flat memory and exact counts', async () => {
    const { source, stats } = generatedFile(Number(process.env.BIG_MB ?? 100) * 1024 * 1024);
    const heapAtStart = process.memoryUsage().heapUsed;
    let maxHeap = heapAtStart;
    let records = 0;
    let patientSum = 0;
    let problems = 0;
    let summary;
    for await (const event of parseFile(source, 'list-size-gp-reg', { maxProblems: 0 })) {
      if (event.kind === 'record') {
        records++;
        patientSum += event.record.patients;
        if (records % 50_000 === 0) maxHeap = Math.max(maxHeap, process.memoryUsage().heapUsed);
      } else if (event.kind === 'problem') problems++;
      else summary = event.summary;
    }
    const expected = { records: 0, skipped: 0, bad: 0, sum: 0 };
    for (let i = 0; i < stats.rows; i++) {
      if (i % 1000 === 999) expected.skipped++;
      else if (i % 5000 === 2500) expected.bad++;
      else {
        expected.records++;
        expected.sum += i % 20_000;
      }
    }
    expect(stats.bytes).toBeGreaterThan(Number(process.env.BIG_MB ?? 100) * 1024 * 1024);
    expect(summary).toMatchObject({
      rowsRead: stats.rows,
      records: expected.records,
      rowsWithProblems: expected.bad,
      skipped: { 'not an all-sexes, all-ages total row': expected.skipped },
      fatal: null,
    });
    expect(records).toBe(expected.records);
    expect(problems).toBe(expected.bad);
    expect(patientSum).toBe(expected.sum);
    // The whole file as JavaScript strings would be over 200 MB of heap.
    expect(maxHeap - heapAtStart).toBeLessThan(64 * 1024 * 1024);
  }, 30_000);

  it('reads the source only as fast as the consumer takes events (backpressure), and stops it on break', async () => {
    const { source, stats } = generatedFile(1024 * 1024 * 1024);
    const events = parseFile(source, 'list-size-gp-reg');
    const first = await events.next();
    expect(first.value).toMatchObject({ kind: 'record', row: 2, record: { practiceCode: 'A00000', patients: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A gigabyte is waiting; only the chunks needed for the first rows (plus the stream's read-ahead) were made.
    expect(stats.chunks).toBeLessThanOrEqual(4);
    for (let i = 0; i < 5000; i++) await events.next();
    expect(stats.chunks).toBeLessThanOrEqual(12);
    await events.return();
    expect(source.destroyed).toBe(true);
  });
});
