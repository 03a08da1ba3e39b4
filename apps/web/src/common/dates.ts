import { longDate } from './formats';

/** A date as the design system's date input holds it: three boxes of text (the forms' own checks, then the API's). */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

export const partsOf = (iso: string | null): DateParts =>
  iso
    ? { day: String(Number(iso.slice(8, 10))), month: String(Number(iso.slice(5, 7))), year: iso.slice(0, 4) }
    : EMPTY_DATE;

export const isEmpty = (d: DateParts) => !d.day.trim() && !d.month.trim() && !d.year.trim();

/**
 * The boxes as YYYY-MM-DD, or what is wrong with them in the design system's words ("… must include a
 * month", "… must be a real date"). Only the form of the date is checked here; the API decides whether
 * the date is allowed (not in the future, not before the practice opened) and the page shows its answer.
 */
export function isoDate(label: string, d: DateParts): { date: string } | { error: string } {
  const day = d.day.trim();
  const month = d.month.trim();
  const year = d.year.trim();
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean);
  if (missing.length === 3) return { error: `Enter the ${label.toLowerCase()}` };
  if (missing.length) return { error: `${label} must include a ${missing.join(' and a ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year))
    return { error: `${label} must be a real date` };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso)
    return { error: `${label} must be a real date` };
  return { date: iso };
}

/** The API's ISO dates inside a sentence of its own, written as people read them. */
export const withLongDates = (text: string) =>
  text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => (Number.isNaN(Date.parse(iso)) ? iso : longDate(iso)));

/** A date-input example a fortnight from now, written as the boxes take it (e.g. "21 12 2026"). */
export function exampleDateSoon(now = new Date()): string {
  const soon = new Date(now.getTime() + 14 * 24 * 60 * 60 * 1000);
  return `${soon.getDate()} ${soon.getMonth() + 1} ${soon.getFullYear()}`;
}
