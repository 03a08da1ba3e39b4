import type { components } from '../api/schema';

export type Trend = components['schemas']['TrendDto'];
export type TrendPoint = Trend['points'][number];

/** How many month-ends the trend charts show by default: the two years up to the dashboard's date. */
export const TREND_MONTHS = 24;

const yearMonth = (year: number, month: number) => {
  const d = new Date(Date.UTC(year, month - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

/** The API's `from` and `to` (YYYY-MM) for the `months` months ending with the month of `asOf` (YYYY-MM-DD). */
export function trendRange(asOf: string, months = TREND_MONTHS): { from: string; to: string } {
  const [year, month] = [Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7))];
  return { from: yearMonth(year, month - months + 1), to: yearMonth(year, month) };
}

const SHORT_MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Sep 2014: the chart's axis labels (the table says the month in full). */
export const shortMonth = (date: string) => SHORT_MONTH.format(new Date(`${date}T00:00:00Z`));

/** The API's longest trend (TrendQuery: `to` at most 120 months after `from`, both counted). */
export const MAX_TREND_MONTHS = 120;

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Months from `from` to `to`, both counted (0 or less when reversed). */
export const monthCount = (from: string, to: string) => {
  const index = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7));
  return index(to) - index(from) + 1;
};

/**
 * The URL's trend range (`from`, `to`, YYYY-MM), or the default (the 24 months up to the date) when either
 * is missing or not a month. A range the API refuses (reversed, too long) goes to it as it is: its problem
 * is then shown against the form's fields.
 */
export function chosenRange(asOf: string, from: string | null, to: string | null) {
  if (from && to && YEAR_MONTH.test(from) && YEAR_MONTH.test(to)) return { from, to, chosen: true };
  return { ...trendRange(asOf), chosen: false };
}
