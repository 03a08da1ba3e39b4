import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The date of the newest word on each practice's clinical system (docs/imports.md, "Clinical system"): a
 * POMI file's period end, or the day someone set it through the API. A POMI file changes the clinical
 * system only when its period is not older than that, so an old file imported late cannot undo a newer
 * supplier, whether or not the newer file changed any status level.
 *
 * Before this, "newest" was judged by the practice's latest status event, which a newer file that changed
 * no level never moved. Existing practices start from that same date, for the events that came from
 * imports (a manual status write says nothing about the supplier).
 *
 * Each new POMI month moves every practice's date: half-empty pages (fillfactor 50) make those updates
 * HOT (no index entry each), about half the cost of an upsert into full pages.
 */
export class ClinicalSystemReports1764100000000 implements MigrationInterface {
  name = 'ClinicalSystemReports1764100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "clinical_system_report" (
      "practice_id" integer NOT NULL,
      "as_of" date NOT NULL,
      "source" "public"."record_source" NOT NULL,
      CONSTRAINT "clinical_system_report_pk" PRIMARY KEY ("practice_id"),
      CONSTRAINT "clinical_system_report_practice_fk" FOREIGN KEY ("practice_id") REFERENCES "practice"("id")
        ON DELETE CASCADE ON UPDATE NO ACTION)
      WITH (fillfactor = 50)`);
    await q.query(`INSERT INTO clinical_system_report (practice_id, as_of, source)
      SELECT practice_id, max(effective_date), 'import' FROM status_event WHERE source = 'import'
      GROUP BY practice_id`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "clinical_system_report"`);
  }
}
