import type { FormatSpec } from './engine';
import type { PracticeRecord, PracticeStatus } from './types';
import { ccgCode, parseDate, postcode as checkPostcode, practiceCode, regionCode, requiredText } from './validate';

/**
 * ODS practice list `epraccur.csv`: no header, 27 quoted fields. Only GP practices (organisation
 * sub-type `B`, column 14, with prescribing setting `4`, column 26) become records; every other row is
 * skipped and counted as "not a GP practice". Columns used: 1 code, 2 name, 3 region (national grouping),
 * 10 postcode, 11 open date, 12 close date (YYYYMMDD), 13 status, 15 commissioner (CCG).
 */
const NAMED: Record<number, [string, string]> = {
  1: ['code', 'code'],
  2: ['name', 'name'],
  3: ['region', 'region code'],
  10: ['postcode', 'postcode'],
  11: ['opened', 'open date'],
  12: ['closed', 'close date'],
  13: ['status', 'status'],
  14: ['subtype', 'organisation sub-type'],
  15: ['ccg', 'ccg code'],
  26: ['setting', 'prescribing setting'],
};

export const EPRACCUR_COLUMNS = Array.from({ length: 27 }, (_, i) => {
  const [key, what] = NAMED[i + 1] ?? [`c${i + 1}`, ''];
  return { key, label: what ? `column ${i + 1} (${what})` : `column ${i + 1}` };
});

export const NOT_A_GP_PRACTICE = 'not a GP practice';
const STATUSES: readonly string[] = ['A', 'C', 'D', 'P'];

export const epraccurSpec: FormatSpec<PracticeRecord> = {
  format: 'epraccur',
  fixedColumns: EPRACCUR_COLUMNS,
  row(ctx) {
    if (ctx.get('subtype').trim().toUpperCase() !== 'B' || ctx.get('setting').trim() !== '4') {
      ctx.skip(NOT_A_GP_PRACTICE);
      return;
    }
    const code = ctx.check('code', practiceCode);
    const name = ctx.check('name', (v) => requiredText(v, 'name'));
    const region = ctx.check('region', regionCode);
    const ccg = ctx.check('ccg', ccgCode);
    const postcode = ctx.check('postcode', checkPostcode);
    const optionalDate = (key: string) =>
      ctx.get(key).trim() === '' ? null : ctx.check(key, (v) => parseDate(v, ['YYYYMMDD']));
    const openedOn = optionalDate('opened');
    const closedOn = optionalDate('closed');
    if (openedOn && closedOn && closedOn <= openedOn)
      ctx.problem('closed', 'the close date is not after the open date');
    const status = ctx.get('status').trim().toUpperCase();
    if (!STATUSES.includes(status)) ctx.problem('status', 'not a practice status (A, C, D or P)');
    if (code && name && region && ccg && postcode !== undefined && openedOn !== undefined && closedOn !== undefined) {
      ctx.record({
        type: 'practice',
        code,
        name,
        postcode,
        regionCode: region,
        ccgCode: ccg,
        openedOn,
        closedOn,
        status: status as PracticeStatus,
      });
    }
  },
};
