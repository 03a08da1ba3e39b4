import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored national figures of settled dates (docs/figures.md, "Stored figures"): a managers' trend asks
 * for the same 60 month-ends again and again, and a published figure is read long after its date.
 *
 * - `stored_figures` holds the national figures of one date and service exactly as figures.sql.ts
 *   computed them (`definition` is a hash of that statement: a changed definition never reads old rows).
 * - Only settled dates are stored: up to two days before today in London (`stored_figures_last_date()`).
 * - Every change to what national figures read (status spans, list sizes, practices' open and close
 *   dates) deletes the stored figures of the dates it can touch, in the same transaction, by the
 *   statement triggers below. A change that only touches today onwards deletes nothing and takes no
 *   lock: the usual status write, effective today, costs nothing here.
 *
 * Why a stored row can never be stale. A reader that finds no row computes and stores in one
 * transaction holding `stored_figures_guard` in SHARE mode, and takes that lock before its statement's
 * snapshot. A change that deletes takes the same table in ROW EXCLUSIVE mode (the two conflict; readers
 * share with readers, writers with writers) and then deletes with a fresh statement snapshot
 * (READ COMMITTED, which every transaction here uses). So either the change committed before the
 * reader's snapshot (the reader's figures include it), or the reader committed first and the change's
 * delete removes what it stored. A change that skips (from today on) cannot meet a stored date while its
 * transaction is open unless that transaction outlives a whole day: stored dates end two days back.
 */
export class StoredFigures1764070000000 implements MigrationInterface {
  name = 'StoredFigures1764070000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "stored_figures" (
      "as_of" date NOT NULL,
      "service" "public"."service" NOT NULL,
      "definition" text NOT NULL,
      "figures" jsonb NOT NULL,
      "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "stored_figures_pk" PRIMARY KEY ("as_of", "service", "definition"))`);
    // Never holds a row: only locked (see above).
    await q.query(`CREATE TABLE "stored_figures_guard" ()`);

    // The product's calendar is London's (APP_TIME_ZONE); now() is the transaction's start, which only
    // makes both rules below more careful.
    await q.query(`CREATE FUNCTION stored_figures_last_date() RETURNS date LANGUAGE sql STABLE AS $$
      SELECT (now() AT TIME ZONE 'Europe/London')::date - 2
    $$`);

    // The earliest date a statement's changed rows can alter, then the delete. Each table describes a
    // row as: key, the first date it counts on (f), the date it stops counting (t, null: never) and what
    // it counts (v). Across an UPDATE, a row whose f and v stay the same only alters the dates between its
    // old and new t; any other changed, added or removed row alters its dates from f on.
    await q.query(`CREATE FUNCTION forget_stored_figures() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        since date;
        described text := format('SELECT %s AS k, %s AS f, %s AS t, %s AS v', TG_ARGV[0], TG_ARGV[1], TG_ARGV[2], TG_ARGV[3]);
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          since := '-infinity';
        ELSIF TG_OP = 'INSERT' THEN
          EXECUTE format('SELECT min(f) FROM (%s FROM new_rows) n', described) INTO since;
        ELSIF TG_OP = 'DELETE' THEN
          EXECUTE format('SELECT min(f) FROM (%s FROM old_rows) o', described) INTO since;
        ELSE
          EXECUTE format($q$
            SELECT min(CASE
                WHEN o.k IS NULL THEN n.f
                WHEN n.k IS NULL THEN o.f
                WHEN o.f IS NOT DISTINCT FROM n.f AND o.v IS NOT DISTINCT FROM n.v THEN
                  CASE WHEN o.t IS DISTINCT FROM n.t THEN least(coalesce(o.t, 'infinity'), coalesce(n.t, 'infinity')) END
                ELSE least(o.f, n.f) END)
            FROM (%1$s FROM old_rows) o FULL JOIN (%1$s FROM new_rows) n ON n.k = o.k$q$, described) INTO since;
        END IF;
        -- Nothing changed, or only today onwards (never stored, see stored_figures_last_date).
        IF since IS NULL OR since >= stored_figures_last_date() + 2 THEN RETURN NULL; END IF;
        LOCK TABLE stored_figures_guard IN ROW EXCLUSIVE MODE;
        DELETE FROM stored_figures WHERE as_of >= since;
        RETURN NULL;
      END $$`);

    const watched: Array<[table: string, key: string, from: string, to: string, value: string]> = [
      ['status_span', '(practice_id, service, valid_from)', 'valid_from', 'valid_to', 'level'],
      ['list_size', 'id', 'effective_date', 'valid_to', '(practice_id, patients)'],
      // A practice counts from its opening (no date: always) until it closes; national figures read
      // nothing else of it (its CCG and clinical system only group a breakdown, which is not stored).
      ['practice', 'id', `coalesce(opened_on, '-infinity')`, 'closed_on', 'NULL::int'],
    ];
    for (const [table, ...describe] of watched) {
      const args = describe.map((a) => `'${a.replaceAll(`'`, `''`)}'`).join(', ');
      await q.query(`CREATE TRIGGER "${table}_inserted_forget_figures" AFTER INSERT ON "${table}"
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION forget_stored_figures(${args})`);
      await q.query(`CREATE TRIGGER "${table}_updated_forget_figures" AFTER UPDATE ON "${table}"
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION forget_stored_figures(${args})`);
      await q.query(`CREATE TRIGGER "${table}_deleted_forget_figures" AFTER DELETE ON "${table}"
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION forget_stored_figures(${args})`);
      await q.query(`CREATE TRIGGER "${table}_truncated_forget_figures" AFTER TRUNCATE ON "${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION forget_stored_figures(${args})`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['status_span', 'list_size', 'practice']) {
      for (const op of ['inserted', 'updated', 'deleted', 'truncated']) await q.query(`DROP TRIGGER "${table}_${op}_forget_figures" ON "${table}"`);
    }
    await q.query(`DROP FUNCTION forget_stored_figures()`);
    await q.query(`DROP FUNCTION stored_figures_last_date()`);
    await q.query(`DROP TABLE "stored_figures_guard"`);
    await q.query(`DROP TABLE "stored_figures"`);
  }
}
