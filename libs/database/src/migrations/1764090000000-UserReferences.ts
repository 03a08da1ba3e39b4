import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foreign keys from every "who" column of the follow-ups, reminders and imports to `app_user`. Those
 * features were built before the people feature landed and took any integer; users are never deleted
 * (they are deactivated), so RESTRICT only stops a mistake.
 *
 * Ids that name no user carry no information (nobody can be reached or shown through them), so they are
 * cleared before the keys are added: an owner becomes "nobody owns it" (the managers' escalation then
 * lists the follow-up as unowned), a recorder or closer becomes unknown, and a reminder for nobody goes.
 */
const REFERENCES = [
  { table: 'follow_up', column: 'owner_id', constraint: 'follow_up_owner_fk' },
  { table: 'follow_up', column: 'created_by', constraint: 'follow_up_created_by_fk' },
  { table: 'follow_up', column: 'closed_by', constraint: 'follow_up_closed_by_fk' },
  { table: 'follow_up_contact', column: 'recorded_by', constraint: 'follow_up_contact_recorded_by_fk' },
  { table: 'follow_up_barrier', column: 'recorded_by', constraint: 'follow_up_barrier_recorded_by_fk' },
  { table: 'reminder', column: 'user_id', constraint: 'reminder_user_fk' },
  { table: 'import_run', column: 'created_by', constraint: 'import_run_created_by_fk' },
];

export class UserReferences1764090000000 implements MigrationInterface {
  name = 'UserReferences1764090000000';

  public async up(q: QueryRunner): Promise<void> {
    const orphan = (table: string, column: string) =>
      `${column} IS NOT NULL AND NOT EXISTS (SELECT FROM app_user u WHERE u.id = ${table}.${column})`;
    await q.query(`DELETE FROM reminder WHERE ${orphan('reminder', 'user_id')}`);
    for (const { table, column, constraint } of REFERENCES) {
      if (table !== 'reminder')
        await q.query(`UPDATE "${table}" SET "${column}" = NULL WHERE ${orphan(table, column)}`);
      await q.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" FOREIGN KEY ("${column}") REFERENCES "app_user"("id")
           ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const { table, constraint } of [...REFERENCES].reverse())
      await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraint}"`);
  }
}
