/* Numbers and instants as every page writes them (the API's values, formatted, never recomputed). */

const COUNT = new Intl.NumberFormat('en-GB');
/** 12,345: a count as the API gives it, with thousands separators. */
export const count = (value: number) => COUNT.format(value);

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});
/** An instant in London time, as the service's users live it: 6 October 2014 at 09:00. */
export const dateTimeText = (instant: string) => DATE_TIME.format(new Date(instant));

/* Calendar dates (YYYY-MM-DD, a day with no time zone), written the same whatever the reader's zone. */
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTH_YEAR = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 30 September 2014 */
export const longDate = (date: string) => LONG_DATE.format(new Date(`${date}T00:00:00Z`));
/** September 2014 */
export const monthYear = (date: string) => MONTH_YEAR.format(new Date(`${date}T00:00:00Z`));
