import { normaliseHeader } from '../parsers/engine';
import type { ImportFormat } from '../parsers';
import type { ProblemColumns } from './stage.repository';

/**
 * The columns a database check can name in a problem, per format: the first candidate found in the
 * file's header, spelt as there (headerless epraccur and the quarterly file's date option have fixed
 * labels, the parsers' own).
 */
const CANDIDATES: Record<ImportFormat, Partial<Record<keyof ProblemColumns, string[]>>> = {
  epraccur: {
    key: ['column 1 (code)'],
    ccg: ['column 15 (ccg code)'],
    region: ['column 3 (region code)'],
    opened: ['column 11 (open date)'],
    closed: ['column 12 (close date)'],
    status: ['column 13 (status)'],
  },
  regions: { key: ['code', 'region_code'] },
  ccgs: { key: ['code', 'ccg_code'], region: ['region_code', 'region'] },
  'ccg-lookup': { key: ['CCG13CD'], region: ['NHSCR13CD'] },
  'ccg-codes': { key: ['CCG13CD'], ccg: ['CCG13CDH'] },
  'list-size-quarterly': { key: ['Practice Code'], date: ['effectiveDate (option)'] },
  'list-size-gp-reg': { key: ['CODE', 'PRACTICE_CODE'], date: ['EXTRACT_DATE'] },
  'pomi-wide': { key: ['GPPracticeCode'], date: ['PeriodEnd'] },
  'pomi-long': { key: ['practice_code'], date: ['report_period_end'] },
  'status-csv': { key: ['practice_code'], date: ['effective_date'] },
};

export function problemColumns(format: ImportFormat, header: string[] | null): ProblemColumns {
  const inFile = new Map((header ?? []).map((h) => [normaliseHeader(h), h]));
  const pick = (key: keyof ProblemColumns) => {
    const names = CANDIDATES[format][key] ?? [key];
    return names.map((n) => inFile.get(normaliseHeader(n))).find((h) => h !== undefined) ?? names[0];
  };
  return {
    key: pick('key'),
    date: pick('date'),
    ccg: pick('ccg'),
    region: pick('region'),
    opened: pick('opened'),
    closed: pick('closed'),
    status: pick('status'),
  };
}
