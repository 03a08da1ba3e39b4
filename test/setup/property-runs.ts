/**
 * How many cases each long property test runs, split into tests of at most `chunk` cases each.
 *
 * A property test's time grows with its cases; run whole, the stored figures' 40 cases took 44 s of a
 * 60 s limit on a quiet machine and timed out on a busy one. By default each property runs one chunk
 * (well inside its limit even on a loaded 2-core machine); `PROPERTY_RUNS=n` (set by `.ci/run`) runs n
 * cases as ceil(n / chunk) tests, each with a fresh seed and its own time limit, so more cases never
 * make one test longer.
 */
export function propertyChunks(chunk: number, env: NodeJS.ProcessEnv = process.env): number[] {
  const raw = env.PROPERTY_RUNS;
  const total = raw === undefined || raw === '' ? chunk : Number(raw);
  if (!Number.isInteger(total) || total < 1) {
    throw new Error(`PROPERTY_RUNS="${raw}": PROPERTY_RUNS must be a positive whole number of cases`);
  }
  return Array.from({ length: Math.ceil(total / chunk) }, (_, i) => Math.min(chunk, total - i * chunk));
}
