/**
 * "As known on": the dashboard's figures as they stood at an instant (the API's `knownAt`: only status
 * changes recorded at or before it count). The URL carries what the user chose, readable in a link:
 *
 * - `knownAt=2014-10-15`: the **end** of that day in London (23:59:59.999999, GMT or BST as it was), so
 *   "as known on 15 October" includes everything recorded that day, as a reader expects;
 * - `knownAt=2014-10-15T09:30`: that minute, London time (the moment a figure was published, say);
 * - anything else (an ISO 8601 instant with a zone, as the API writes it) goes to the API as it is, and
 *   the API's own problem is shown against the field when it refuses it.
 */
export interface KnownOn {
  /** The URL's value, as the user gave it. */
  value: string;
  /** The instant sent to the API as `knownAt` (with a zone). */
  instant: string;
  /** The day and time (London), when the value is one the form can show; undefined for a raw instant. */
  date?: string;
  time?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;
const LONDON = 'Europe/London';

const OFFSET = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, timeZoneName: 'longOffset' });
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** London's offset from UTC at an instant, in minutes (0 in winter, 60 in summer time). */
function londonOffsetAt(ms: number): number {
  const name = OFFSET.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

const zone = (minutes: number) => {
  const [hours, rest] = [Math.floor(Math.abs(minutes) / 60), Math.abs(minutes) % 60];
  return `${minutes < 0 ? '-' : '+'}${String(hours).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
};

/** A wall-clock time in London as an instant with its zone: 2014-10-15T09:30:00+01:00. */
export function londonInstant(date: string, time: string, fraction = ''): string {
  const wall = Date.parse(`${date}T${time}Z`);
  // The offset in force at that wall time: guessed from the UTC reading, then checked at the instant found.
  let offset = londonOffsetAt(wall);
  const checked = londonOffsetAt(wall - offset * 60_000);
  if (checked !== offset) offset = checked;
  return `${date}T${time}${fraction}${zone(offset)}`;
}

/** Today in London (YYYY-MM-DD): a known-on day after it is in the future. */
export const londonToday = (now = new Date()) => LONDON_DAY.format(now);

/** A real calendar date (no 31 February). */
export function isCalendarDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === date;
}

/** The URL's `knownAt`, or undefined when there is none (an empty value is none too). */
export function parseKnownOn(value: string | null): KnownOn | undefined {
  if (!value) return undefined;
  if (DATE.test(value) && isCalendarDate(value))
    return { value, date: value, instant: londonInstant(value, '23:59:59', '.999999') };
  const m = DATE_TIME.exec(value);
  if (m && isCalendarDate(m[1]) && Number(m[2]) < 24 && Number(m[3]) < 60)
    return { value, date: m[1], time: `${m[2]}:${m[3]}`, instant: londonInstant(m[1], `${m[2]}:${m[3]}:00`) };
  return { value, instant: value };
}

/** The URL's value for a day and an optional time (HH:MM, London). */
export const knownOnValue = (date: string, time?: string) => (time ? `${date}T${time}` : date);

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * How the page says an API instant, in London time: "as known at the end of 15 October 2014" (a day's last
 * second, as a date alone asks), "as known at 09:30 on 15 October 2014", or the instant as given when it is
 * not one (the API will then refuse it).
 */
export function knownAtPhrase(instant: string): string {
  // Date.parse reads milliseconds at most: the API keeps microseconds, the label needs the minute.
  const ms = Date.parse(instant.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(ms)) return `as known at ${instant}`;
  const parts = Object.fromEntries(LONDON_PARTS.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const day = `${parts.day} ${parts.month} ${parts.year}`;
  if (`${parts.hour}:${parts.minute}:${parts.second}` === '23:59:59') return `as known at the end of ${day}`;
  return `as known at ${parts.hour}:${parts.minute} on ${day}`;
}
