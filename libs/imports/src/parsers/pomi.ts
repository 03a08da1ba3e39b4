import type { FormatSpec, RowContext } from './engine';
import type { LevelName, ListSizeRecord, ServiceName, StatusRecord } from './types';
import { ccgCode, effectiveDate, patients, practiceCode, service as checkService, supplier } from './validate';
import { skippedAsNoList } from './list-size';

/**
 * Patient Online Management Information (POMI).
 * - `pomi-wide`: the first layout, one file per service (the `service` option says which):
 *   `PeriodEnd` (DD/MM/YYYY, the effective date), `GPPracticeCode`, `SystemEnabled` as text, see
 *   `pomiSystemEnabledLevel`. "Status unknown" rows record nothing and are counted.
 * - `pomi-long`: one row per practice, period and field: `report_period_end` (30SEP2020, ISO or
 *   DD/MM/YYYY), `practice_code`, `field`, `value`. `Sys_Appts_Enbld`, `Sys_Presc_Enbld` and
 *   `Sys_DetCodeRec_Enbld` give appointments, prescriptions and records at 0 not_capable, 1 capable,
 *   2 enabled; 9 (not known) records nothing and is counted. `Patient_List_Size` becomes a list-size record
 *   only with `includeListSizes: true` (a zero or NULL one is skipped and counted); `Pat_*` uptake counts and
 *   other fields are skipped and counted.
 * Supplier and CCG (`ccg_code` or `sub_icb_location_code`) are carried when present and valid.
 */
export const LEVEL_NOT_KNOWN = 'service status not known';
export const LIST_SIZE_NOT_IMPORTED = 'Patient_List_Size not imported (includeListSizes is off)';
export const LIST_SIZE_NOT_GIVEN = 'Patient_List_Size not given (NULL or empty)';
export const UPTAKE_NOT_IMPORTED = 'patient uptake count (Pat_*) not imported';
export const FIELD_NOT_IMPORTED = 'field not imported';

const POMI_DATES = ['DDMONYYYY', 'YYYY-MM-DD', 'DD/MM/YYYY'] as const;
const LEVEL_CODES: Record<string, LevelName> = { '0': 'not_capable', '1': 'capable', '2': 'enabled' };
const FIELD_SERVICES: Record<string, ServiceName> = {
  sys_appts_enbld: 'appointments',
  sys_presc_enbld: 'prescriptions',
  sys_detcoderec_enbld: 'records',
};

/**
 * The level named by a first-layout `SystemEnabled` text, 'unknown' for "status unknown", or null when
 * the wording is not recognised. Published wordings: "System Functionality Enabled by Practice",
 * "System Functionality Status Unknown"; the others are matched on their key words: "not enabled" or
 * "disabled" → capable; "not capable", "not available" or "not supported" → not_capable.
 * The codes 0/1/2/9 are accepted too.
 */
export function pomiSystemEnabledLevel(text: string): LevelName | 'unknown' | null {
  const value = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (value in LEVEL_CODES) return LEVEL_CODES[value];
  if (value === '9' || /\bunknown\b|\bnot known\b/.test(value)) return 'unknown';
  if (/\bnot (capable|available|supported)\b|\bincapable\b/.test(value)) return 'not_capable';
  if (/\bnot enabled\b|\bdisabled\b/.test(value)) return 'capable';
  if (/\benabled\b/.test(value)) return 'enabled';
  return null;
}

/** Supplier and CCG, when the file has them (an invalid CCG code is left out, not a problem). */
function extras(ctx: RowContext<unknown>): Pick<StatusRecord, 'supplier' | 'ccgCode'> {
  const out: Pick<StatusRecord, 'supplier' | 'ccgCode'> = {};
  if (ctx.has('supplier')) out.supplier = supplier(ctx.get('supplier'));
  const ccg = ccgCode(ctx.get('ccg'));
  if (ccg.ok) out.ccgCode = ccg.value;
  return out;
}

export const pomiWideSpec: FormatSpec<StatusRecord> = {
  format: 'pomi-wide',
  required: [
    { key: 'date', names: ['PeriodEnd'] },
    { key: 'practice', names: ['GPPracticeCode'] },
    { key: 'enabled', names: ['SystemEnabled'] },
  ],
  optional: [
    { key: 'ccg', names: ['CCGCode'] },
    { key: 'supplier', names: ['Supplier'] },
  ],
  checkOptions(options) {
    if (options.service === undefined)
      return 'the service option is required for pomi-wide files (one file per service)';
    const s = checkService(String(options.service));
    return s.ok ? null : `the service option: ${s.reason}`;
  },
  row(ctx, options) {
    const level = pomiSystemEnabledLevel(ctx.get('enabled'));
    if (level === 'unknown') {
      ctx.skip(LEVEL_NOT_KNOWN);
      return;
    }
    if (level === null) ctx.problem('enabled', 'not a recognised SystemEnabled value');
    const practice = ctx.check('practice', practiceCode);
    const date = ctx.check('date', (v) => effectiveDate(v, ['DD/MM/YYYY', 'YYYY-MM-DD'], options.today));
    if (level && practice && date) {
      ctx.record({
        type: 'status',
        practiceCode: practice,
        service: String(options.service).trim().toLowerCase() as ServiceName,
        level,
        effectiveDate: date,
        ...extras(ctx),
      });
    }
  },
};

export const pomiLongSpec: FormatSpec<StatusRecord | ListSizeRecord> = {
  format: 'pomi-long',
  required: [
    { key: 'date', names: ['report_period_end'] },
    { key: 'practice', names: ['practice_code'] },
    { key: 'field', names: ['field'] },
    { key: 'value', names: ['value'] },
  ],
  optional: [
    { key: 'ccg', names: ['sub_icb_location_code', 'ccg_code'] },
    { key: 'supplier', names: ['system_supplier', 'supplier'] },
  ],
  row(ctx, options) {
    const field = ctx.get('field').trim().toLowerCase();
    const service = FIELD_SERVICES[field];
    const isListSize = field === 'patient_list_size';
    if (!service && !isListSize) {
      ctx.skip(field.startsWith('pat_') ? UPTAKE_NOT_IMPORTED : FIELD_NOT_IMPORTED);
      return;
    }
    if (isListSize && !options.includeListSizes) {
      ctx.skip(LIST_SIZE_NOT_IMPORTED);
      return;
    }
    const raw = ctx.get('value').trim();
    if (service && raw === '9') {
      ctx.skip(LEVEL_NOT_KNOWN);
      return;
    }
    if (isListSize && (raw === '' || raw.toUpperCase() === 'NULL')) {
      ctx.skip(LIST_SIZE_NOT_GIVEN);
      return;
    }
    const n = isListSize ? ctx.check('value', patients) : undefined;
    if (skippedAsNoList(ctx, n)) return;
    const practice = ctx.check('practice', practiceCode);
    const date = ctx.check('date', (v) => effectiveDate(v, [...POMI_DATES], options.today));
    if (isListSize) {
      if (practice && date && n !== undefined)
        ctx.record({ type: 'list-size', practiceCode: practice, effectiveDate: date, patients: n });
      return;
    }
    const level = LEVEL_CODES[raw];
    if (!level) ctx.problem('value', 'not a POMI level code (0, 1, 2, or 9 for not known)');
    if (practice && date && level) {
      ctx.record({ type: 'status', practiceCode: practice, service, level, effectiveDate: date, ...extras(ctx) });
    }
  },
};
