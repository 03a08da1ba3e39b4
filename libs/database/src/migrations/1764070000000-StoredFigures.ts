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

    // Deletes the stored figures from `since` on, unless nothing changed or only today onwards (never
    // stored, see stored_figures_last_date), after taking the guard (see above). Once per transaction
    // and date at most: a status write fires the spans' insert and update triggers, both from the same
    // date, and after the first delete the guard, held until commit, keeps every reader from storing
    // (a rolled-back savepoint takes its lock and its setting back together).
    await q.query(forgetStoredFiguresFromSql('CREATE FUNCTION', DELETE_AS_FOUND));

    for (const w of WATCHED) {
      await q.query(forgetFunction(w));
      const call = `EXECUTE FUNCTION forget_stored_figures_${w.table}()`;
      await q.query(`CREATE TRIGGER "${w.table}_inserted_forget_figures" AFTER INSERT ON "${w.table}"
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT ${call}`);
      await q.query(`CREATE TRIGGER "${w.table}_updated_forget_figures" AFTER UPDATE ON "${w.table}"
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT ${call}`);
      await q.query(`CREATE TRIGGER "${w.table}_deleted_forget_figures" AFTER DELETE ON "${w.table}"
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT ${call}`);
      await q.query(
        `CREATE TRIGGER "${w.table}_truncated_forget_figures" AFTER TRUNCATE ON "${w.table}"
         FOR EACH STATEMENT ${call}`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const { table } of WATCHED) {
      for (const op of ['inserted', 'updated', 'deleted', 'truncated'])
        await q.query(`DROP TRIGGER "${table}_${op}_forget_figures" ON "${table}"`);
      await q.query(`DROP FUNCTION forget_stored_figures_${table}()`);
    }
    await q.query(`DROP FUNCTION forget_stored_figures_from(date)`);
    await q.query(`DROP FUNCTION stored_figures_last_date()`);
    await q.query(`DROP TABLE "stored_figures_guard"`);
    await q.query(`DROP TABLE "stored_figures"`);
  }
}

/** How the first version deleted: in whatever order the plan met the rows (see StoredFiguresLockOrder). */
export const DELETE_AS_FOUND = `        DELETE FROM stored_figures WHERE as_of >= since;`;

/** `forget_stored_figures_from` with its way of deleting the rows from `since` on (`remove`). */
export function forgetStoredFiguresFromSql(
  create: 'CREATE FUNCTION' | 'CREATE OR REPLACE FUNCTION',
  remove: string,
): string {
  return `${create} forget_stored_figures_from(since date) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        done text := current_setting('pot.stored_figures_forgotten_from', true);
      BEGIN
        IF since IS NULL OR since >= stored_figures_last_date() + 2 THEN RETURN; END IF;
        IF done <> '' AND done::date <= since THEN RETURN; END IF;
        LOCK TABLE stored_figures_guard IN ROW EXCLUSIVE MODE;
${remove}
        PERFORM set_config('pot.stored_figures_forgotten_from', since::text, true);
      END $$`;
}

/**
 * What national figures read of a table, row by row: its key, the first date the row counts on (f),
 * the date it stops counting (t, null: never) and what it counts (v).
 */
interface Watched {
  table: string;
  key: string;
  f: string;
  t: string;
  v: string;
}
const WATCHED: Watched[] = [
  { table: 'status_span', key: '(practice_id, service, valid_from)', f: 'valid_from', t: 'valid_to', v: 'level' },
  { table: 'list_size', key: 'id', f: 'effective_date', t: 'valid_to', v: '(practice_id, patients)' },
  // A practice counts from its opening (no date: always) until it closes; national figures read
  // nothing else of it (its CCG and clinical system only group a breakdown, which is not stored).
  { table: 'practice', key: 'id', f: `coalesce(opened_on, '-infinity'::date)`, t: 'closed_on', v: 'NULL::int' },
];

/**
 * The table's statement trigger: the earliest date the statement's changed rows can alter. Across an
 * UPDATE, a row whose f and v stay the same (a span or list size ended by a newer one) only alters the
 * dates from the earlier of its old and new t; any other changed, added or removed row alters its dates
 * from f on. Static SQL (not EXECUTE), so PL/pgSQL plans each statement once per session: this runs in
 * every status write.
 */
function forgetFunction({ table, key, f, t, v }: Watched): string {
  const rows = (transition: string) => `SELECT ${key} AS k, ${f} AS f, ${t} AS t, ${v} AS v FROM ${transition}`;
  return `CREATE FUNCTION forget_stored_figures_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'TRUNCATE' THEN
        PERFORM forget_stored_figures_from('-infinity');
      ELSIF TG_OP = 'INSERT' THEN
        PERFORM forget_stored_figures_from((SELECT min(n.f) FROM (${rows('new_rows')}) n));
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM forget_stored_figures_from((SELECT min(o.f) FROM (${rows('old_rows')}) o));
      ELSE
        PERFORM forget_stored_figures_from((
          SELECT min(CASE
              WHEN o.k IS NULL THEN n.f
              WHEN n.k IS NULL THEN o.f
              WHEN o.f IS NOT DISTINCT FROM n.f AND o.v IS NOT DISTINCT FROM n.v THEN
                CASE WHEN o.t IS DISTINCT FROM n.t THEN least(coalesce(o.t, 'infinity'), coalesce(n.t, 'infinity')) END
              ELSE least(o.f, n.f) END)
          FROM (${rows('old_rows')}) o FULL JOIN (${rows('new_rows')}) n ON n.k = o.k));
      END IF;
      RETURN NULL;
    END $$`;
}
