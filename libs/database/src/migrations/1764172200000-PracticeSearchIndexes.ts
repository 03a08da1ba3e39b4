import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The practice list (`GET /practices`). Its search (`q`) matches the start of the ODS code, part of the name (the
 * trigram index `practice_name_trgm_idx` of the Foundation) or the start of the postcode with its spaces
 * removed. Each arm of that OR gets an index Postgres can use for a prefix LIKE: `text_pattern_ops`,
 * because under a locale other than C (en_GB.UTF-8, C.UTF-8 on PostgreSQL 15) the unique index on code
 * cannot answer `LIKE 'A81%'`. With all three arms indexed the planner ORs three bitmap index scans
 * instead of reading every practice (docs/web.md "Practices": EXPLAIN at England scale).
 *
 * The trigram index loses its fast-update pending list: after a bulk load (the demo's 8,165 practices,
 * an epraccur import) new entries waited in that unsorted list until the next vacuum, and each search read
 * all of it: 28 ms for the index scan of `%manor%` instead of 0.03 ms. Practices are written rarely, so
 * the slower insert into the index costs little.
 *
 * `list_size_current_idx`: the list sorted by list size reads each practice's current list size (the
 * open entry, valid_to IS NULL) in a sub-select; through the unique (practice_id, effective_date) index
 * that visited all of a practice's ~9 entries, through this one a single index-only entry (England demo
 * data, all 8,165 practices sorted: ~1,000 ms before, ~130 ms after, on a busy machine).
 */
export class PracticeSearchIndexes1764172200000 implements MigrationInterface {
  name = 'PracticeSearchIndexes1764172200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "practice_code_pattern_idx" ON "practice" ("code" text_pattern_ops)`);
    await q.query(
      `CREATE INDEX "practice_postcode_search_idx" ON "practice" ((replace("postcode", ' ', '')) text_pattern_ops)`,
    );
    await q.query(`ALTER INDEX "practice_name_trgm_idx" SET (fastupdate = off)`);
    await q.query(`CREATE INDEX "list_size_current_idx" ON "list_size" ("practice_id") INCLUDE ("patients")
      WHERE "valid_to" IS NULL`);
    await q.query(`SELECT gin_clean_pending_list('practice_name_trgm_idx')`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "list_size_current_idx"`);
    await q.query(`ALTER INDEX "practice_name_trgm_idx" RESET (fastupdate)`);
    await q.query(`DROP INDEX "practice_postcode_search_idx"`);
    await q.query(`DROP INDEX "practice_code_pattern_idx"`);
  }
}
