import type { ColumnSpec, FormatSpec, RowContext } from './engine';
import type { ListSizeRecord } from './types';
import { effectiveDate, MAX_PATIENTS, parseDate, patients, practiceCode } from './validate';

/**
 * List sizes.
 * - `list-size-quarterly`: `Patient_List_Size_YYYY_MM-MM.csv` (2013–2015): `Practice Code` and 18
 *   male/female age-band columns (0-4 … 75+; all nine published files have these 18), summed. A zero total is an
 *   organisation with no registered list: skipped and counted. The file has no date: the `effectiveDate` option is
 *   required (`listSizeEffectiveDateFromFileName` gives the first day of the quarter named in the file name).
 * - `list-size-gp-reg`: `gp-reg-pat-prac-all` (`EXTRACT_DATE` like `01JAN2021`, `CODE`, `SEX`, `AGE`,
 *   `NUMBER_OF_PATIENTS`): one record per practice row with SEX=ALL and AGE=ALL; other breakdown rows,
 *   rows whose TYPE is not GP and zero lists are skipped and counted.
 */
export const AGE_BANDS = ['0-4', '5-14', '15-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'];
const BAND_COLUMNS: ColumnSpec[] = AGE_BANDS.flatMap((band) =>
  ['Male', 'Female'].map((sex) => ({ key: `${sex} ${band}`, names: [`${sex} ${band}`] })),
);
export const NO_REGISTERED_LIST = 'no registered patients (zero list)';

/**
 * The one rule for a list size of zero, in every layout: an organisation with no registered list, not a
 * practice that lost its patients (storing it would zero the practice in the figures from that date).
 * Skips and counts the row; true when it did.
 */
export function skippedAsNoList(ctx: RowContext<unknown>, patientCount: number | undefined): boolean {
  if (patientCount !== 0) return false;
  ctx.skip(NO_REGISTERED_LIST);
  return true;
}
export const NOT_ALL_AGES_TOTAL = 'not an all-sexes, all-ages total row';
export const NOT_GP_TYPE = 'not a GP practice row (TYPE is not GP)';

export const listSizeQuarterlySpec: FormatSpec<ListSizeRecord> = {
  format: 'list-size-quarterly',
  required: [{ key: 'practice', names: ['Practice Code'] }, ...BAND_COLUMNS],
  checkOptions(options) {
    if (options.effectiveDate === undefined) {
      return 'the effectiveDate option is required for list-size-quarterly files (they carry no date)';
    }
    const date = effectiveDate(options.effectiveDate, ['YYYY-MM-DD'], options.today);
    return date.ok ? null : `the effectiveDate option ${JSON.stringify(options.effectiveDate)}: ${date.reason}`;
  },
  row(ctx, options) {
    const code = ctx.check('practice', practiceCode);
    let total = 0;
    let complete = true;
    for (const band of BAND_COLUMNS) {
      const n = ctx.check(band.key, patients);
      if (n === undefined) complete = false;
      else total += n;
    }
    if (!code || !complete) return;
    if (skippedAsNoList(ctx, total)) return;
    if (total > MAX_PATIENTS)
      ctx.problem(undefined, `the age bands add up to ${total}, more than ${MAX_PATIENTS}`, String(total));
    else ctx.record({ type: 'list-size', practiceCode: code, effectiveDate: options.effectiveDate!, patients: total });
  },
};

export const listSizeGpRegSpec: FormatSpec<ListSizeRecord> = {
  format: 'list-size-gp-reg',
  required: [
    { key: 'date', names: ['EXTRACT_DATE'] },
    { key: 'code', names: ['CODE', 'PRACTICE_CODE'] },
    { key: 'sex', names: ['SEX'] },
    { key: 'age', names: ['AGE'] },
    { key: 'patients', names: ['NUMBER_OF_PATIENTS'] },
  ],
  optional: [{ key: 'type', names: ['TYPE', 'ORG_TYPE'] }],
  row(ctx, options) {
    if (ctx.has('type') && ctx.get('type').trim().toUpperCase() !== 'GP') {
      ctx.skip(NOT_GP_TYPE);
      return;
    }
    if (ctx.get('sex').trim().toUpperCase() !== 'ALL' || ctx.get('age').trim().toUpperCase() !== 'ALL') {
      ctx.skip(NOT_ALL_AGES_TOTAL);
      return;
    }
    const n = ctx.check('patients', patients);
    if (skippedAsNoList(ctx, n)) return;
    const practice = ctx.check('code', practiceCode);
    const date = ctx.check('date', (v) => effectiveDate(v, ['DDMONYYYY', 'YYYY-MM-DD'], options.today));
    if (practice && date && n !== undefined)
      ctx.record({ type: 'list-size', practiceCode: practice, effectiveDate: date, patients: n });
  },
};

/** `Patient_List_Size_2013_04-06.csv` → `2013-04-01`: the list applies from the start of its quarter. */
export function listSizeEffectiveDateFromFileName(fileName: string): string | null {
  const m = /Patient_List_Size_(\d{4})_(\d{2})-(\d{2})/i.exec(fileName);
  if (!m) return null;
  const date = parseDate(`${m[1]}-${m[2]}-01`, ['YYYY-MM-DD']);
  return date.ok ? date.value : null;
}
