import { MigrationInterface, QueryRunner } from 'typeorm';

/** Geography, practices, list-size history and the append-only status history (DESIGN.md "Words"). */
export class Foundation1763980000000 implements MigrationInterface {
  name = 'Foundation1763980000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(
      `CREATE TYPE "public"."clinical_system" AS ENUM('EMIS', 'TPP', 'INPS', 'MICROTEST', 'OTHER', 'UNKNOWN')`,
    );
    await q.query(`CREATE TYPE "public"."record_source" AS ENUM('manual', 'import')`);
    await q.query(`CREATE TYPE "public"."service" AS ENUM('appointments', 'prescriptions', 'records')`);
    // Ordered like POMI's 0/1/2, so "capable or better" is level >= 'capable'.
    await q.query(`CREATE TYPE "public"."service_level" AS ENUM('not_capable', 'capable', 'enabled')`);

    await q.query(`CREATE TABLE "region" (
      "code" character varying(3) NOT NULL,
      "name" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "region_pk" PRIMARY KEY ("code"))`);
    await q.query(`CREATE TABLE "ccg" (
      "code" character varying(3) NOT NULL,
      "name" text NOT NULL,
      "region_code" character varying(3) NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "ccg_pk" PRIMARY KEY ("code"),
      CONSTRAINT "ccg_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT
        ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "ccg_region_code_idx" ON "ccg" ("region_code")`);

    await q.query(`CREATE TABLE "practice" (
      "id" SERIAL NOT NULL,
      "code" character varying(6) NOT NULL,
      "name" text NOT NULL,
      "postcode" character varying(10),
      "ccg_code" character varying(3) NOT NULL,
      "clinical_system" "public"."clinical_system" NOT NULL DEFAULT 'UNKNOWN',
      "opened_on" date,
      "closed_on" date,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT '1',
      CONSTRAINT "practice_dates_order" CHECK (closed_on IS NULL OR opened_on IS NULL OR closed_on > opened_on),
      CONSTRAINT "practice_code_format" CHECK (code ~ '^[A-Z][0-9]{5}$'),
      CONSTRAINT "practice_pk" PRIMARY KEY ("id"),
      CONSTRAINT "practice_ccg_code_fk" FOREIGN KEY ("ccg_code") REFERENCES "ccg"("code") ON DELETE RESTRICT
        ON UPDATE NO ACTION)`);
    await q.query(`CREATE UNIQUE INDEX "practice_code_key" ON "practice" ("code")`);
    await q.query(`CREATE INDEX "practice_ccg_code_idx" ON "practice" ("ccg_code")`);
    // Text search on name (staff type fragments such as "manor house").
    await q.query(`CREATE INDEX "practice_name_trgm_idx" ON "practice" USING gin ("name" gin_trgm_ops)`);

    await q.query(`CREATE TABLE "list_size" (
      "id" BIGSERIAL NOT NULL,
      "practice_id" integer NOT NULL,
      "effective_date" date NOT NULL,
      "valid_to" date,
      "patients" integer NOT NULL,
      "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "recorded_by" integer,
      "source" "public"."record_source" NOT NULL DEFAULT 'manual',
      CONSTRAINT "list_size_patients_range" CHECK (patients BETWEEN 0 AND 2000000),
      CONSTRAINT "list_size_pk" PRIMARY KEY ("id"),
      CONSTRAINT "list_size_practice_fk" FOREIGN KEY ("practice_id") REFERENCES "practice"("id") ON DELETE CASCADE
        ON UPDATE NO ACTION)`);
    await q.query(`CREATE UNIQUE INDEX "list_size_practice_date_key" ON "list_size" ("practice_id", "effective_date")`);

    await q.query(`CREATE TABLE "status_event" (
      "id" BIGSERIAL NOT NULL,
      "practice_id" integer NOT NULL,
      "service" "public"."service" NOT NULL,
      "level" "public"."service_level" NOT NULL,
      "effective_date" date NOT NULL,
      "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
      "recorded_by" integer,
      "source" "public"."record_source" NOT NULL DEFAULT 'manual',
      "note" text,
      CONSTRAINT "status_event_pk" PRIMARY KEY ("id"),
      CONSTRAINT "status_event_practice_fk" FOREIGN KEY ("practice_id") REFERENCES "practice"("id") ON DELETE RESTRICT
        ON UPDATE NO ACTION)`);
    await q.query(
      `CREATE INDEX "status_event_history_idx" ON "status_event" ("practice_id", "service", "effective_date",
           "recorded_at", "id")`,
    );
    // History is append-only (DESIGN.md): the database itself refuses to change or remove an event.
    await q.query(`CREATE FUNCTION status_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'status_event is append-only: record a correcting event instead' USING ERRCODE = 'P0001';
      END $$`);
    await q.query(`CREATE TRIGGER "status_event_append_only" BEFORE UPDATE OR DELETE ON "status_event"
      FOR EACH ROW EXECUTE FUNCTION status_event_append_only()`);

    await q.query(`CREATE TABLE "status_span" (
      "practice_id" integer NOT NULL,
      "service" "public"."service" NOT NULL,
      "valid_from" date NOT NULL,
      "valid_to" date,
      "level" "public"."service_level" NOT NULL,
      "event_id" bigint NOT NULL,
      CONSTRAINT "status_span_pk" PRIMARY KEY ("practice_id", "service", "valid_from"))`);
    await q.query(
      `CREATE UNIQUE INDEX "status_span_current_key" ON "status_span" ("practice_id", "service")
       WHERE valid_to IS NULL`,
    );
    await q.query(
      `CREATE INDEX "status_span_current_level_idx" ON "status_span" ("service", "level") WHERE valid_to IS NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "status_span"`);
    await q.query(`DROP TABLE "status_event"`);
    await q.query(`DROP FUNCTION status_event_append_only()`);
    await q.query(`DROP TABLE "list_size"`);
    await q.query(`DROP TABLE "practice"`);
    await q.query(`DROP TABLE "ccg"`);
    await q.query(`DROP TABLE "region"`);
    await q.query(`DROP TYPE "public"."service_level"`);
    await q.query(`DROP TYPE "public"."service"`);
    await q.query(`DROP TYPE "public"."record_source"`);
    await q.query(`DROP TYPE "public"."clinical_system"`);
  }
}
