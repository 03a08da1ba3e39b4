import type { FormatSpec } from './engine';
import type { StatusRecord } from './types';
import { effectiveDate, level, MAX_NOTE_LENGTH, practiceCode, service } from './validate';

/**
 * `status-csv`: our own CSV of status updates, header `practice_code,service,level,effective_date[,note]`
 * (header names in any case; columns in any order).
 * - practice_code: ODS practice code (trimmed, upper-cased), e.g. A81001
 * - service: appointments | prescriptions | records
 * - level: not_capable | capable | enabled, or the POMI codes 0 | 1 | 2
 * - effective_date: YYYY-MM-DD (DD/MM/YYYY, as Excel re-saves it in the UK, is accepted too); a real
 *   date, not in the future
 * - note (optional): free text up to 2,000 characters; blank = no note
 */
export const statusCsvSpec: FormatSpec<StatusRecord> = {
  format: 'status-csv',
  required: [
    { key: 'practice', names: ['practice_code'] },
    { key: 'service', names: ['service'] },
    { key: 'level', names: ['level'] },
    { key: 'date', names: ['effective_date'] },
  ],
  optional: [{ key: 'note', names: ['note'] }],
  row(ctx, options) {
    const practice = ctx.check('practice', practiceCode);
    const svc = ctx.check('service', service);
    const lvl = ctx.check('level', level);
    const date = ctx.check('date', (v) => effectiveDate(v, ['YYYY-MM-DD', 'DD/MM/YYYY'], options.today));
    const note = ctx.get('note').trim();
    if (note.length > MAX_NOTE_LENGTH) ctx.problem('note', `a note has at most ${MAX_NOTE_LENGTH} characters`);
    if (practice && svc && lvl && date) {
      ctx.record({
        type: 'status',
        practiceCode: practice,
        service: svc,
        level: lvl,
        effectiveDate: date,
        ...(note ? { note } : {}),
      });
    }
  },
};
