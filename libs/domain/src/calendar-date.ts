/**
 * Effective dates are calendar dates (DESIGN.md): plain `YYYY-MM-DD` strings, no time and no zone.
 * Keeping them as strings end to end avoids the classic off-by-one of JavaScript Date and time zones.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same point in the previous year; 29 February becomes 28 February (DESIGN.md "Figures"). */
export function minusOneYear(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = Math.min(d, daysInMonth(y - 1, m));
  return `${pad(y - 1, 4)}-${pad(m, 2)}-${pad(day, 2)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const lastAnswers = new Map<string, { minute: number; date: string }>();

/** The calendar date of an instant in a time zone (e.g. Europe/London's "today"). */
export function calendarDateIn(instant: Date, timeZone: string): string {
  // Every status write asks for today, and formatToParts is costly (it showed in the write benchmark):
  // the last answer per zone is kept for its UTC minute. Exact, since every zone's offset is a whole
  // number of minutes, so a date changes only on a minute's boundary.
  const minute = Math.floor(instant.getTime() / 60_000);
  const last = lastAnswers.get(timeZone);
  if (last?.minute === minute) return last.date;
  // Building a DateTimeFormat is costlier still: one per zone, reused.
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  lastAnswers.set(timeZone, { minute, date });
  return date;
}

/** Last day of the month of a `YYYY-MM` string. */
export function monthEnd(yearMonth: string): string {
  const [y, m] = yearMonth.split('-').map(Number);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(daysInMonth(y, m), 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** An instant with an explicit zone: `2014-10-01T09:30:00Z`, `2014-10-01T10:30:00.123456+01:00`. */
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 instant PostgreSQL takes as it is meant: a real calendar date (1900 on), a real time of
 * day, a zone (none would be ambiguous across clock changes) of at most ±15:59. `Date.parse` alone lets
 * 2014-02-30 roll over to March, and PostgreSQL then refuses what JavaScript took.
 */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  if (!m || !isCalendarDate(m[1])) return false;
  const [hour, minute, second, zoneHours, zoneMinutes] = [m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(
    Number,
  );
  return hour <= 23 && minute <= 59 && second <= 59 && zoneHours <= 15 && zoneMinutes <= 59;
}
