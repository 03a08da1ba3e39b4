import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users with roles and regions, the audit trail, and who-recorded-it links to users (DESIGN.md "People"). */
export class People1763990000000 implements MigrationInterface {
  name = 'People1763990000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."user_role" AS ENUM('admin', 'support', 'manager')`);
    await q.query(`CREATE TABLE "app_user" (
      "id" SERIAL NOT NULL,
      "email" character varying(254) NOT NULL,
      "name" text NOT NULL,
      "role" "public"."user_role" NOT NULL,
      "region_code" character varying(3),
      "active" boolean NOT NULL DEFAULT true,
      "password_hash" text NOT NULL,
      "token_version" integer NOT NULL DEFAULT '1',
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "app_user_email_lower_case" CHECK (email = lower(email)),
      CONSTRAINT "app_user_pk" PRIMARY KEY ("id"),
      CONSTRAINT "app_user_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT
        ON UPDATE NO ACTION)`);
    // Stored lower-case (the check above), so this plain index makes addresses unique whatever their case.
    await q.query(`CREATE UNIQUE INDEX "app_user_email_key" ON "app_user" ("email")`);

    await q.query(`CREATE TABLE "audit_entry" (
      "id" BIGSERIAL NOT NULL,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
      "user_id" integer,
      "action" character varying(64) NOT NULL,
      "entity_type" character varying(32) NOT NULL,
      "entity_id" character varying(64) NOT NULL,
      "details" jsonb NOT NULL,
      CONSTRAINT "audit_entry_pk" PRIMARY KEY ("id"),
      CONSTRAINT "audit_entry_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT
        ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "audit_entry_entity_idx" ON "audit_entry" ("entity_type", "entity_id", "at")`);
    await q.query(`CREATE INDEX "audit_entry_user_idx" ON "audit_entry" ("user_id", "at")`);
    await q.query(`CREATE INDEX "audit_entry_at_idx" ON "audit_entry" ("at")`);
    // An audit trail that can be edited proves nothing: the database refuses to change or remove entries.
    await q.query(`CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only' USING ERRCODE = 'P0001';
      END $$`);
    await q.query(`CREATE TRIGGER "audit_entry_append_only" BEFORE UPDATE OR DELETE ON "audit_entry"
      FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()`);

    // Until now recorded_by held no user (there were none); from here on it must name a real one.
    await q.query(
      `ALTER TABLE "list_size" ADD CONSTRAINT "list_size_recorded_by_fk" FOREIGN KEY ("recorded_by")
         REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "status_event" ADD CONSTRAINT "status_event_recorded_by_fk" FOREIGN KEY ("recorded_by")
         REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "status_event" DROP CONSTRAINT "status_event_recorded_by_fk"`);
    await q.query(`ALTER TABLE "list_size" DROP CONSTRAINT "list_size_recorded_by_fk"`);
    await q.query(`DROP TABLE "audit_entry"`);
    await q.query(`DROP FUNCTION audit_entry_append_only()`);
    await q.query(`DROP TABLE "app_user"`);
    await q.query(`DROP TYPE "public"."user_role"`);
  }
}
