import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-ups with practices that do not offer every service, their contact attempts and barriers; the
 * outbox that carries jobs from committed writes to the worker; stored reminders; month-end snapshots
 * (DESIGN.md "Follow-ups and barriers", "Jobs"). User ids got their foreign keys later (UserReferences).
 */
export class FollowUps1764010000000 implements MigrationInterface {
  name = 'FollowUps1764010000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "outbox" (
      "id" BIGSERIAL NOT NULL,
      "kind" text NOT NULL,
      "payload" jsonb NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "dispatched_at" TIMESTAMP WITH TIME ZONE,
      "attempts" integer NOT NULL DEFAULT '0',
      "last_error" text,
      CONSTRAINT "outbox_pk" PRIMARY KEY ("id"))`);
    // The relay reads only pending rows, oldest first: a small partial index however long the history.
    await q.query(`CREATE INDEX "outbox_pending_idx" ON "outbox" ("id") WHERE dispatched_at IS NULL`);

    await q.query(
      `CREATE TYPE "public"."follow_up_state"
         AS ENUM('open', 'contacted', 'barriers_recorded', 'resolved', 'cancelled')`,
    );
    await q.query(`CREATE TYPE "public"."contact_method" AS ENUM('phone', 'email', 'visit', 'other')`);
    // DESIGN.md's list; extend only with a migration (ALTER TYPE … ADD VALUE).
    await q.query(`CREATE TYPE "public"."barrier_category" AS ENUM('system_not_capable', 'awaiting_supplier',
      'staff_capacity', 'identity_verification', 'clinical_safety', 'information_governance', 'record_redaction',
      'training_needed', 'low_patient_demand', 'practice_policy', 'other')`);

    await q.query(`CREATE TABLE "follow_up" (
      "id" SERIAL NOT NULL,
      "practice_id" integer NOT NULL,
      "services_not_offered" "public"."service" array NOT NULL,
      "owner_id" integer,
      "due_date" date NOT NULL,
      "state" "public"."follow_up_state" NOT NULL DEFAULT 'open',
      "created_by" integer,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "closed_at" TIMESTAMP WITH TIME ZONE,
      "closed_by" integer,
      "close_note" text,
      CONSTRAINT "follow_up_closed_has_note"
        CHECK (state IN ('open', 'contacted', 'barriers_recorded')
          OR (closed_at IS NOT NULL AND close_note IS NOT NULL)),
      CONSTRAINT "follow_up_services_not_empty" CHECK (cardinality(services_not_offered) > 0),
      CONSTRAINT "follow_up_pk" PRIMARY KEY ("id"),
      CONSTRAINT "follow_up_practice_fk" FOREIGN KEY ("practice_id") REFERENCES "practice"("id") ON DELETE RESTRICT
        ON UPDATE NO ACTION)`);
    // At most one follow-up per practice that is still work to do; also the arbiter of ON CONFLICT on creation.
    await q.query(
      `CREATE UNIQUE INDEX "follow_up_active_practice_key" ON "follow_up" ("practice_id")
       WHERE state IN ('open', 'contacted', 'barriers_recorded')`,
    );
    await q.query(
      `CREATE INDEX "follow_up_active_due_idx" ON "follow_up" ("due_date")
       WHERE state IN ('open', 'contacted', 'barriers_recorded')`,
    );
    await q.query(`CREATE INDEX "follow_up_owner_idx" ON "follow_up" ("owner_id", "due_date")`);
    await q.query(`CREATE INDEX "follow_up_practice_idx" ON "follow_up" ("practice_id")`);

    await q.query(`CREATE TABLE "follow_up_contact" (
      "id" BIGSERIAL NOT NULL,
      "follow_up_id" integer NOT NULL,
      "contacted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "method" "public"."contact_method" NOT NULL,
      "outcome" text NOT NULL,
      "recorded_by" integer,
      "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "follow_up_contact_pk" PRIMARY KEY ("id"),
      CONSTRAINT "follow_up_contact_follow_up_fk" FOREIGN KEY ("follow_up_id") REFERENCES "follow_up"("id")
        ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(
      `CREATE INDEX "follow_up_contact_follow_up_idx" ON "follow_up_contact" ("follow_up_id", "contacted_at")`,
    );

    await q.query(`CREATE TABLE "follow_up_barrier" (
      "id" BIGSERIAL NOT NULL,
      "follow_up_id" integer NOT NULL,
      "service" "public"."service" NOT NULL,
      "category" "public"."barrier_category" NOT NULL,
      "detail" text,
      "recorded_by" integer,
      "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "follow_up_barrier_other_has_detail" CHECK (category <> 'other' OR length(btrim(detail)) > 0),
      CONSTRAINT "follow_up_barrier_pk" PRIMARY KEY ("id"),
      CONSTRAINT "follow_up_barrier_follow_up_fk" FOREIGN KEY ("follow_up_id") REFERENCES "follow_up"("id")
        ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "follow_up_barrier_follow_up_idx" ON "follow_up_barrier" ("follow_up_id")`);
    // The barrier report filters on when barriers were recorded.
    await q.query(
      `CREATE INDEX "follow_up_barrier_report_idx" ON "follow_up_barrier" ("recorded_at", "service", "category")`,
    );

    await q.query(
      `CREATE TYPE "public"."reminder_kind" AS ENUM('daily_digest', 'follow_up_due', 'overdue_escalation')`,
    );
    await q.query(`CREATE TABLE "reminder" (
      "id" BIGSERIAL NOT NULL,
      "user_id" integer NOT NULL,
      "kind" "public"."reminder_kind" NOT NULL,
      "dedupe_key" text NOT NULL,
      "subject" text NOT NULL,
      "body" text NOT NULL,
      "payload" jsonb NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "read_at" TIMESTAMP WITH TIME ZONE,
      "emailed_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "reminder_pk" PRIMARY KEY ("id"))`);
    // A job that runs twice stores one reminder (a digest: one per user per day).
    await q.query(`CREATE UNIQUE INDEX "reminder_dedupe_key" ON "reminder" ("user_id", "kind", "dedupe_key")`);
    await q.query(`CREATE INDEX "reminder_user_created_idx" ON "reminder" ("user_id", "created_at")`);

    await q.query(`CREATE TABLE "month_end_snapshot" (
      "month_end" date NOT NULL,
      "figures" jsonb NOT NULL,
      "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "month_end_snapshot_pk" PRIMARY KEY ("month_end"))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "month_end_snapshot"`);
    await q.query(`DROP TABLE "reminder"`);
    await q.query(`DROP TYPE "public"."reminder_kind"`);
    await q.query(`DROP TABLE "follow_up_barrier"`);
    await q.query(`DROP TABLE "follow_up_contact"`);
    await q.query(`DROP TABLE "follow_up"`);
    await q.query(`DROP TYPE "public"."barrier_category"`);
    await q.query(`DROP TYPE "public"."contact_method"`);
    await q.query(`DROP TYPE "public"."follow_up_state"`);
    await q.query(`DROP TABLE "outbox"`);
  }
}
