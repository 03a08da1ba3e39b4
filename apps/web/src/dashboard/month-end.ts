const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The last day of a month (month 1–12), as YYYY-MM-DD. */
export function monthEnd(year: number, month: number): string {
  return iso(new Date(Date.UTC(year, month, 0)));
}

/** The last month-end before today (the default date of the dashboard). */
export function lastMonthEnd(today = new Date()): string {
  return monthEnd(today.getFullYear(), today.getMonth());
}

/** A URL's `asOf` when it is a real month-end, else undefined. */
export function parseMonthEnd(value: string | null): string | undefined {
  const m = value ? ISO_DATE.exec(value) : null;
  if (!m) return undefined;
  const [year, month] = [Number(m[1]), Number(m[2])];
  return month >= 1 && month <= 12 && monthEnd(year, month) === value ? value : undefined;
}

export function yearMonthOf(date: string): { year: number; month: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}
