import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import's progress as "n of m rows" (the admin screen's bar): `rows_total`, the lines of the file,
 * counted as it is stored; `rows_done`, the line the worker has reached. Runs made before have no total.
 */
export class ImportRunRowCounts1764170000000 implements MigrationInterface {
  name = 'ImportRunRowCounts1764170000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "import_run" ADD "rows_total" integer,
      ADD "rows_done" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "import_run" ADD CONSTRAINT "import_run_rows_done_range"
      CHECK ("rows_done" >= 0 AND ("rows_total" IS NULL OR "rows_done" <= "rows_total"))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "import_run" DROP CONSTRAINT "import_run_rows_done_range",
      DROP COLUMN "rows_done", DROP COLUMN "rows_total"`);
  }
}
