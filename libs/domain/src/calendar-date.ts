/**
 * The one calendar of the app (docs/where-rules-live.md): calendar-date arithmetic and the
 * time-zone reckoning, on `Intl` (no date library: see docs/decisions.md). Effective dates are calendar
 * dates: plain `YYYY-MM-DD` strings, no time and no zone. Keeping them as strings end to end avoids the
 * classic off-by-one of JavaScript Date and time zones. "Now" and "today" come from `Clock` only.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Where calendar dates are reckoned unless APP_TIME_ZONE says otherwise. */
export const DEFAULT_TIME_ZONE = 'Europe/London';

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
  return isoDate(y - 1, m, day);
}

/** Last day of the month of a `YYYY-MM` string. */
export function monthEnd(yearMonth: string): string {
  const [y, m] = yearMonth.split('-').map(Number);
  return isoDate(y, m, daysInMonth(y, m));
}

/** Last day of every month from the month of `from` to the month of `to`, inclusive. */
export function monthEnds(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(isoDate(y, m, daysInMonth(y, m)));
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * The date `months` calendar months before `date`: the same day of the month, or the month's last day
 * when that day does not exist; a month's last day goes to the earlier month's last day (30 September
 * → 31 March), so month-ends compare with month-ends.
 */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const k = y * 12 + (m - 1) - months;
  const [year, month] = [Math.floor(k / 12), (k % 12) + 1];
  const day = d === daysInMonth(y, m) ? daysInMonth(year, month) : Math.min(d, daysInMonth(year, month));
  return isoDate(year, month, day);
}

/** `YYYY-MM` of the month `months` after the month of `date` (negative: before). */
export function monthAfter(date: string, months: number): string {
  const k = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  return `${pad(Math.floor(k / 12), 4)}-${pad((k % 12) + 1, 2)}`;
}

// Day numbers: the demo generator turns the same dates (quarters, checkpoints, event days) over and over,
// so both directions are memoised, within a bound.
const dayCache = new Map<string, number>();
const dateCache = new Map<number, string>();
const CACHE_LIMIT = 50_000;

/** Days since 1970-01-01 of a calendar date; throws for anything that is not one. */
export function toDay(date: string): number {
  const cached = dayCache.get(date);
  if (cached !== undefined) return cached;
  if (!isCalendarDate(date)) throw new Error(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const [y, m, d] = date.split('-').map(Number);
  const day = Date.UTC(y, m - 1, d) / DAY_MS;
  if (dayCache.size >= CACHE_LIMIT) dayCache.clear();
  dayCache.set(date, day);
  return day;
}

/** The calendar date of a day number (days since 1970-01-01). */
export function fromDay(day: number): string {
  const cached = dateCache.get(day);
  if (cached !== undefined) return cached;
  const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
  if (dateCache.size >= CACHE_LIMIT) dateCache.clear();
  dateCache.set(day, date);
  return date;
}

/** `date` moved by `days` calendar days (negative: back). */
export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from);
}

/** Whether `zone` is an IANA time zone this runtime knows (e.g. Europe/London). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
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
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  lastAnswers.set(timeZone, { minute, date });
  return date;
}

/**
 * The instant at which the wall clock in `timeZone` shows `hour`:00 on `date` (YYYY-MM-DD). Used to fire
 * a follow-up's due job at, say, 07:00 London time on its due date, whether that is GMT or BST.
 */
export function instantAtLocalHour(date: string, hour: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, hour);
  // Two passes settle the offset across a clock change.
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant);
}

const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  let f = wallClockFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClockFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` of a year, month (1–12) and day. */
function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
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
