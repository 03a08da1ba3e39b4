import { minusOneYear, monthAfter, monthEnd } from '@app/domain';

/** A run of month-ends, first and last inclusive. */
export interface MonthEndRange {
  first: string;
  last: string;
  count: number;
}

/** The days a status event decides: from its effective date up to, not including, `until` (null: no end). */
export interface DaysDecided {
  from: string;
  until: string | null;
}

const decides = (days: DaysDecided, date: string) => date >= days.from && (days.until === null || date < days.until);

/** The month-end of the month after `date`'s month. */
const nextMonthEnd = (date: string) => monthEnd(monthAfter(date, 1));

/**
 * The month-ends from the one of `start`'s month on, before `today`, that `test` accepts (they are
 * consecutive: the tests here accept a range of dates). A month ends before its figures are published
 * (the month-end snapshot runs on the 1st), so today, even on a month's last day, is not yet one.
 */
function monthEndsWhere(start: string, today: string, test: (monthEnd: string) => boolean): MonthEndRange | null {
  let first: string | undefined;
  let last = '';
  let count = 0;
  for (let m = monthEnd(start.slice(0, 7)); m < today; m = nextMonthEnd(m)) {
    if (!test(m)) {
      if (first) break;
      continue;
    }
    first ??= m;
    last = m;
    count++;
  }
  return first ? { first, last, count } : null;
}

/** The published month-ends whose own figures the days decided fall on. */
export function monthEndsDecided(days: DaysDecided, today: string): MonthEndRange | null {
  return monthEndsWhere(days.from, today, (m) => decides(days, m));
}

/**
 * The published month-ends whose "same point in the previous year" (each report shows it beside its own
 * figure, and the change between them) falls on the days decided. That point is the date a year earlier
 * (`minusOneYear`: 28 February 2017 looks back at 28 February 2016, not the 29th), as the reports take it.
 */
export function monthEndsLookingBackAt(days: DaysDecided, today: string): MonthEndRange | null {
  const yearOn = `${Number(days.from.slice(0, 4)) + 1}${days.from.slice(4)}`;
  return monthEndsWhere(yearOn, today, (m) => decides(days, minusOneYear(m)));
}
