import {
  CCG_CODE,
  daysInMonth,
  LEVELS,
  MAX_NAME_LENGTH,
  POSTCODE,
  PRACTICE_CODE,
  REGION_CODE,
  SERVICES,
} from '@app/domain';
import type { LevelName, ServiceName, SupplierName } from './types';

/**
 * Field rules of the import files. The code shapes, names and words are the domain's own (libs/domain),
 * the same the API validates with. Each check returns the clean value or the reason it was refused.
 */
export const MAX_PATIENTS = 2_000_000;
export const MAX_NOTE_LENGTH = 2000;

export type Check<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Check<T> => ({ ok: true, value });
const fail = <T>(reason: string): Check<T> => ({ ok: false, reason });

export function truncate(value: string, max = 100): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

function code(raw: string, pattern: RegExp, what: string): Check<string> {
  const value = raw.trim().toUpperCase();
  if (value === '') return fail(`${what} is missing`);
  return pattern.test(value) ? ok(value) : fail(`not ${what}`);
}

export const practiceCode = (raw: string) =>
  code(raw, PRACTICE_CODE, 'an ODS practice code (a letter and five digits, e.g. A81001)');
export const ccgCode = (raw: string) => code(raw, CCG_CODE, 'a 3-character CCG code (e.g. 00C)');
export const regionCode = (raw: string) => code(raw, REGION_CODE, 'a 3-character region code (e.g. Y54)');

/** A postcode as the API stores it (upper-case, single spaces); empty is none. */
export function postcode(raw: string): Check<string | null> {
  const value = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  if (value === '') return ok(null);
  return POSTCODE.test(value) ? ok(value) : fail('not a UK postcode (e.g. TS6 0HA)');
}

export function requiredText(raw: string, what: string, max = MAX_NAME_LENGTH): Check<string> {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (value === '') return fail(`${what} is missing`);
  return value.length > max ? fail(`${what} is longer than ${max} characters`) : ok(value);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A real calendar date from its parts (1900 or later, as `isCalendarDate`), as `YYYY-MM-DD`. */
export function calendarDate(year: number, month: number, day: number): Check<string> {
  if (year < 1900 || year > 9999) return fail('not a plausible year');
  if (month < 1 || month > 12) return fail('no such month');
  if (day < 1 || day > daysInMonth(year, month)) return fail('no such day in that month');
  return ok(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
}

export type DateFormat = 'YYYYMMDD' | 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'DDMONYYYY';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DATE_PATTERNS: Record<DateFormat, RegExp> = {
  YYYYMMDD: /^(\d{4})(\d{2})(\d{2})$/,
  'YYYY-MM-DD': /^(\d{4})-(\d{2})-(\d{2})$/,
  'DD/MM/YYYY': /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
  DDMONYYYY: /^(\d{1,2})([A-Za-z]{3})(\d{4})$/,
};

/** Files repeat the same few dates on every row: remember the last results (bounded), per list of layouts. */
const dateCache = new Map<string, Map<string, Check<string>>>();

/** A date in one of the given layouts, as `YYYY-MM-DD`; 2014-02-30 and 31APR2020 are refused. */
export function parseDate(raw: string, formats: DateFormat[]): Check<string> {
  const layouts = formats.length === 1 ? formats[0] : formats.join();
  let cache = dateCache.get(layouts);
  if (!cache) dateCache.set(layouts, (cache = new Map<string, Check<string>>()));
  let result = cache.get(raw);
  if (!result) {
    if (cache.size >= 1000) cache.clear();
    result = parseDateUncached(raw, formats);
    cache.set(raw, result);
  }
  return result;
}

function parseDateUncached(raw: string, formats: DateFormat[]): Check<string> {
  const value = raw.trim();
  if (value === '') return fail('date is missing');
  for (const format of formats) {
    const m = DATE_PATTERNS[format].exec(value);
    if (!m) continue;
    if (format === 'YYYYMMDD' || format === 'YYYY-MM-DD') return calendarDate(+m[1], +m[2], +m[3]);
    if (format === 'DD/MM/YYYY') return calendarDate(+m[3], +m[2], +m[1]);
    const month = MONTHS.indexOf(m[2].toUpperCase()) + 1;
    return month === 0 ? fail('no such month') : calendarDate(+m[3], month, +m[1]);
  }
  return fail(`not a date (expected ${formats.join(' or ')})`);
}

/** An effective date: a real date that is not after `today`. */
export function effectiveDate(raw: string, formats: DateFormat[], today: string): Check<string> {
  const date = parseDate(raw, formats);
  if (date.ok && date.value > today) return fail(`effective date is in the future (after ${today})`);
  return date;
}

/** A whole number in [min, max]; thousands separators and signs are refused. */
export function integer(raw: string, min: number, max: number): Check<number> {
  const value = raw.trim();
  if (value === '') return fail('number is missing');
  if (!/^\d{1,15}$/.test(value)) return fail('not a whole number');
  const n = Number(value);
  return n < min || n > max ? fail(`out of range ${min}..${max}`) : ok(n);
}

export function patients(raw: string): Check<number> {
  return integer(raw, 0, MAX_PATIENTS);
}

export function service(raw: string): Check<ServiceName> {
  const value = raw.trim().toLowerCase();
  return (SERVICES as readonly string[]).includes(value)
    ? ok(value as ServiceName)
    : fail(`not a service (${SERVICES.join(', ')})`);
}

/** `not_capable`, `capable`, `enabled`, or the POMI codes 0, 1, 2. */
export function level(raw: string): Check<LevelName> {
  const value = raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (/^[012]$/.test(value)) return ok(LEVELS[Number(value)]);
  return (LEVELS as readonly string[]).includes(value)
    ? ok(value as LevelName)
    : fail(`not a level (${LEVELS.join(', ')} or 0, 1, 2)`);
}

/** The clinical system supplier named in POMI files; `NK`/blank is UNKNOWN, anything unlisted OTHER. */
export function supplier(raw: string): SupplierName {
  const value = raw.trim().toUpperCase();
  if (value === '' || value === 'NK' || value === 'UNKNOWN' || value === 'NULL') return 'UNKNOWN';
  if (value.startsWith('EMIS')) return 'EMIS';
  if (value.startsWith('TPP')) return 'TPP';
  if (value.startsWith('INPS') || value.startsWith('VISION')) return 'INPS';
  if (value.startsWith('MICROTEST')) return 'MICROTEST';
  return 'OTHER';
}
