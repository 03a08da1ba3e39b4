/** Calendar-date (`YYYY-MM-DD`) arithmetic on day numbers, free of time zones. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

// Dates repeat a lot (quarters, checkpoints, event days): memoise both directions, within a bound.
const dayCache = new Map<string, number>();
const dateCache = new Map<number, string>();
const CACHE_LIMIT = 50_000;

/** Days since 1970-01-01 of a calendar date. */
export function toDay(date: string): number {
  const cached = dayCache.get(date);
  if (cached !== undefined) return cached;
  if (!isIsoDate(date)) throw new Error(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const [y, m, d] = date.split('-').map(Number);
  const day = Date.UTC(y, m - 1, d) / 86_400_000;
  if (dayCache.size >= CACHE_LIMIT) dayCache.clear();
  dayCache.set(date, day);
  return day;
}

export function fromDay(day: number): string {
  const cached = dateCache.get(day);
  if (cached !== undefined) return cached;
  const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
  if (dateCache.size >= CACHE_LIMIT) dateCache.clear();
  dateCache.set(day, date);
  return date;
}

export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

/** Last day of every month from the month of `from` to the month of `to`, inclusive. */
export function monthEnds(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(fromDay(Date.UTC(y, m, 0) / 86_400_000));
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
