import { MigrationInterface, QueryRunner } from 'typeorm';

/** Import runs (files uploaded or given to the CLI, processed by the worker) and the ONS → ODS CCG codes. */
export class Imports1764020000000 implements MigrationInterface {
  name = 'Imports1764020000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE "public"."import_format"
         AS ENUM('epraccur', 'regions', 'ccgs', 'ccg-lookup', 'ccg-codes', 'list-size-quarterly', 'list-size-gp-reg',
           'pomi-wide', 'pomi-long', 'status-csv')`,
    );
    await q.query(
      `CREATE TYPE "public"."import_state" AS ENUM('queued', 'running', 'succeeded', 'failed', 'rejected')`,
    );
    await q.query(`CREATE TABLE "import_run" (
      "id" SERIAL NOT NULL,
      "format" "public"."import_format" NOT NULL,
      "file_name" text NOT NULL,
      "file_size" bigint NOT NULL,
      "file_sha256" character varying(64) NOT NULL,
      "stored_file" text,
      "options" jsonb NOT NULL DEFAULT '{}',
      "state" "public"."import_state" NOT NULL DEFAULT 'queued',
      "rows_read" integer NOT NULL DEFAULT '0',
      "rows_accepted" integer NOT NULL DEFAULT '0',
      "rows_rejected" integer NOT NULL DEFAULT '0',
      "rows_skipped" integer NOT NULL DEFAULT '0',
      "progress" smallint NOT NULL DEFAULT '0',
      "problem_count" integer NOT NULL DEFAULT '0',
      "problems" jsonb NOT NULL DEFAULT '[]',
      "summary" jsonb,
      "message" text,
      "attempts" integer NOT NULL DEFAULT '0',
      "created_by" integer,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "started_at" TIMESTAMP WITH TIME ZONE,
      "finished_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "import_run_progress_range" CHECK (progress BETWEEN 0 AND 100),
      CONSTRAINT "import_run_pk" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "ons_ccg_code" (
      "ons_code" character varying(9) NOT NULL,
      "ccg_code" character varying(3) NOT NULL,
      "name" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "ons_ccg_code_pk" PRIMARY KEY ("ons_code"))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "ons_ccg_code"`);
    await q.query(`DROP TABLE "import_run"`);
    await q.query(`DROP TYPE "public"."import_state"`);
    await q.query(`DROP TYPE "public"."import_format"`);
  }
}
