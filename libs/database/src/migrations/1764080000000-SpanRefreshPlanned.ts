import { MigrationInterface, QueryRunner } from 'typeorm';
import { SPAN_REFRESH } from './1764040000000-RecordStatusFunction';

/**
 * `refresh_status_spans` runs the same statement as before, from PL/pgSQL instead of SQL, with one plan
 * per session instead of one per call (docs/decisions.md, "The span refresh is planned once a session").
 *
 * PostgreSQL 15 parses, analyses and plans the statements of a SQL-language function on every call that
 * cannot be inlined (an INSERT never can): in a status write that was a third of the database's CPU.
 * PL/pgSQL keeps its plans for the session, but would still re-plan this statement on every call: a
 * custom plan for a one-element array looks far cheaper than the generic plan (which assumes ten
 * elements), so the generic plan is never chosen. `plan_cache_mode = force_generic_plan` settles it. The
 * generic plan is the same one for any array (index scan of `status_event_history_idx` on the practice
 * ids, then sort, window and upsert), which also suits the bulk callers (imports, the demo loader).
 */
export class SpanRefreshPlanned1764080000000 implements MigrationInterface {
  name = 'SpanRefreshPlanned1764080000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION refresh_status_spans(p_practice_ids integer[], p_service service)
      RETURNS void
      LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
      BEGIN
${SPAN_REFRESH};
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION refresh_status_spans(p_practice_ids integer[], p_service service)
      RETURNS void
      LANGUAGE sql AS $$
${SPAN_REFRESH}
      $$`);
  }
}
