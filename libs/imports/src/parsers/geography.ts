import type { FormatSpec } from './engine';
import type { CcgRecord, OnsCcgCodeRecord, OnsCcgLookupRecord, RegionRecord } from './types';
import { ccgCode, Check, regionCode, requiredText } from './validate';

/**
 * Regions and CCGs.
 * - `regions`: our own CSV, header `code,name` (region ODS code such as Y54).
 * - `ccgs`: our own CSV, header `code,name,region_code` (CCG ODS code such as 00C; `regionCode` or
 *   `region` also accepted as the third header).
 * - `ccg-lookup`: ONS `CCG13_NHSAT13_NHSCR13_EW_LU.csv` (CCG → area team → region, ONS codes only).
 * - `ccg-codes`: ONS `CCG_APR_2013.csv` (CCG ONS code → 3-character ODS code).
 * `combineOnsCcgLookups` joins the last two into regions and CCGs in our own terms.
 */
const text = (what: string) => (v: string) => requiredText(v, what);
const onsCode =
  (prefix: string) =>
  (raw: string): Check<string> => {
    const value = raw.trim().toUpperCase();
    return new RegExp(`^${prefix}\\d{6}$`).test(value)
      ? { ok: true, value }
      : { ok: false, reason: `not an ONS code ${prefix}nnnnnn` };
  };

/** The four NHS England regions of 2013: ONS code → ODS code (as in epraccur column 3). */
export const ONS_REGION_TO_ODS: Readonly<Record<string, string>> = {
  E40000001: 'Y54', // North of England
  E40000002: 'Y55', // Midlands and East of England
  E40000003: 'Y56', // London
  E40000004: 'Y57', // South of England
};

export const regionsSpec: FormatSpec<RegionRecord> = {
  format: 'regions',
  required: [
    { key: 'code', names: ['code', 'region_code'] },
    { key: 'name', names: ['name', 'region_name'] },
  ],
  row(ctx) {
    const code = ctx.check('code', regionCode);
    const name = ctx.check('name', text('name'));
    if (code && name) ctx.record({ type: 'region', code, name });
  },
};

export const ccgsSpec: FormatSpec<CcgRecord> = {
  format: 'ccgs',
  required: [
    { key: 'code', names: ['code', 'ccg_code'] },
    { key: 'name', names: ['name', 'ccg_name'] },
    { key: 'region', names: ['region_code', 'region'] },
  ],
  row(ctx) {
    const code = ctx.check('code', ccgCode);
    const name = ctx.check('name', text('name'));
    const region = ctx.check('region', regionCode);
    if (code && name && region) ctx.record({ type: 'ccg', code, name, regionCode: region });
  },
};

export const ccgLookupSpec: FormatSpec<OnsCcgLookupRecord> = {
  format: 'ccg-lookup',
  required: [
    { key: 'ccg', names: ['CCG13CD'] },
    { key: 'ccgName', names: ['CCG13NM'] },
    { key: 'at', names: ['NHSAT13CD'] },
    { key: 'atName', names: ['NHSAT13NM'] },
    { key: 'region', names: ['NHSCR13CD'] },
    { key: 'regionName', names: ['NHSCR13NM'] },
  ],
  row(ctx) {
    const ccgOnsCode = ctx.check('ccg', onsCode('E38'));
    const ccgName = ctx.check('ccgName', text('CCG name'));
    const areaTeamOnsCode = ctx.check('at', onsCode('E39'));
    const areaTeamName = ctx.check('atName', text('area team name'));
    const regionOnsCode = ctx.check('region', onsCode('E40'));
    const regionName = ctx.check('regionName', text('region name'));
    if (ccgOnsCode && ccgName && areaTeamOnsCode && areaTeamName && regionOnsCode && regionName) {
      const region = ONS_REGION_TO_ODS[regionOnsCode] ?? null;
      ctx.record({
        type: 'ons-ccg-lookup',
        ccgOnsCode,
        ccgName,
        areaTeamOnsCode,
        areaTeamName,
        regionOnsCode,
        regionName,
        regionCode: region,
      });
    }
  },
};

export const ccgCodesSpec: FormatSpec<OnsCcgCodeRecord> = {
  format: 'ccg-codes',
  required: [
    { key: 'ons', names: ['CCG13CD'] },
    { key: 'code', names: ['CCG13CDH'] },
    { key: 'name', names: ['CCG13NM'] },
  ],
  row(ctx) {
    const ccgOnsCode = ctx.check('ons', onsCode('E38'));
    const code = ctx.check('code', ccgCode);
    const ccgName = ctx.check('name', text('CCG name'));
    if (ccgOnsCode && code && ccgName) ctx.record({ type: 'ons-ccg-code', ccgOnsCode, ccgCode: code, ccgName });
  },
};

/**
 * Joins the parsed 2013 lookups (a few hundred rows, held in memory) into our regions and CCGs.
 * CCG names come from the lookup; a CCG missing from either file, or in a region without an ODS code,
 * is reported in `problems` instead.
 */
export function combineOnsCcgLookups(
  lookups: OnsCcgLookupRecord[],
  codes: OnsCcgCodeRecord[],
): { regions: RegionRecord[]; ccgs: CcgRecord[]; problems: string[] } {
  const odsByOns = new Map(codes.map((c) => [c.ccgOnsCode, c.ccgCode]));
  const regions = new Map<string, RegionRecord>();
  const ccgs: CcgRecord[] = [];
  const problems: string[] = [];
  for (const row of lookups) {
    const code = odsByOns.get(row.ccgOnsCode);
    if (!code) problems.push(`${row.ccgOnsCode} ${row.ccgName}: no ODS code in the CCG code list`);
    else if (!row.regionCode)
      problems.push(`${row.ccgOnsCode} ${row.ccgName}: region ${row.regionOnsCode} has no ODS code`);
    else {
      regions.set(row.regionCode, { type: 'region', code: row.regionCode, name: row.regionName });
      ccgs.push({ type: 'ccg', code, name: row.ccgName, regionCode: row.regionCode });
    }
  }
  const used = new Set(lookups.map((l) => l.ccgOnsCode));
  for (const c of codes)
    if (!used.has(c.ccgOnsCode)) problems.push(`${c.ccgOnsCode} ${c.ccgName}: not in the CCG lookup`);
  return { regions: [...regions.values()], ccgs, problems };
}
