import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change to a user row is announced on channel `app_user_changed` on commit (payload: the user's
 * id, or `*` for all after a TRUNCATE). The API keeps signed-in users' credentials in memory for a few
 * seconds and drops an entry the moment its notice arrives, whoever made the change: another API
 * process, the CLI, or SQL by hand.
 */
export class UserChangeNotice1764045000000 implements MigrationInterface {
  name = 'UserChangeNotice1764045000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION app_user_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- TRUNCATE has no row: '*' stands for every user.
        PERFORM pg_notify('app_user_changed', CASE WHEN TG_OP = 'TRUNCATE' THEN '*' ELSE OLD.id::text END);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "app_user_changed" AFTER UPDATE OR DELETE ON "app_user"
      FOR EACH ROW EXECUTE FUNCTION app_user_notify_change()`);
    await q.query(`CREATE TRIGGER "app_user_truncated" AFTER TRUNCATE ON "app_user"
      FOR EACH STATEMENT EXECUTE FUNCTION app_user_notify_change()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "app_user_truncated" ON "app_user"`);
    await q.query(`DROP TRIGGER "app_user_changed" ON "app_user"`);
    await q.query(`DROP FUNCTION app_user_notify_change()`);
  }
}
