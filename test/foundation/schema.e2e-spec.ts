import { DataSource } from 'typeorm';
import { openTestDataSource } from '../setup/test-context';

describe('schema', () => {
  async function withDataSource(run: (ds: DataSource) => Promise<void>): Promise<void> {
    const { ds, close } = await openTestDataSource();
    try {
      await run(ds);
    } finally {
      await close();
    }
  }

  /** Reverts the latest migrations down to and including `name`. */
  async function undoThrough(ds: DataSource, name: string): Promise<void> {
    for (;;) {
      const [last] = await ds.query(
        `SELECT name FROM ${ds.options.migrationsTableName ?? 'migrations'} ORDER BY id DESC LIMIT 1`,
      );
      await ds.undoLastMigration({ transaction: 'each' });
      if (!last || last.name === name) return;
    }
  }

  const drift = async (ds: DataSource) => (await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);

  it('the migrations produce exactly what the entities describe (no drift for migration:generate)', () =>
    withDataSource(async (ds) => {
      expect(await drift(ds)).toEqual([]);
    }));

  // Tables no registered entity describes would escape the drift check above. The stored figures are a
  // cache that only SQL functions read and write (docs/figures.md "Stored figures"): no entity on purpose.
  const WITHOUT_ENTITY = ['stored_figures', 'stored_figures_guard'];
  it('every table the migrations make is described by an entity (the entity files are all found)', () =>
    withDataSource(async (ds) => {
      const tablesOfEntities = ds.entityMetadatas.map((m) => m.tableName).sort();
      const tables: { name: string }[] = await ds.query(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> $1 ORDER BY table_name`,
        [ds.options.migrationsTableName],
      );
      expect(tables.map((t) => t.name).filter((t) => !WITHOUT_ENTITY.includes(t))).toEqual(tablesOfEntities);
    }));

  // Follow-ups, reminders and imports took any integer as a user id before the people feature landed.
  it('UserReferences clears user ids that name nobody, then adds the foreign keys', () =>
    withDataSource(async (ds) => {
      await undoThrough(ds, 'UserReferences1764090000000');
      const [{ id: user }] = await ds.query(
        `INSERT INTO app_user (email, name, role, password_hash) VALUES ('a@test.invalid', 'A', 'support', 'x')
         RETURNING id`,
      );
      await ds.query(
        `INSERT INTO region (code, name) VALUES ('Y54', 'North'); INSERT INTO ccg (code, name, region_code)
         VALUES ('00M', 'C', 'Y54')`,
      );
      const [{ id: practice }] = await ds.query(
        `INSERT INTO practice (code, name, ccg_code) VALUES ('A81001', 'P', '00M') RETURNING id`,
      );
      const [{ id: followUp }] = await ds.query(
        `INSERT INTO follow_up (practice_id, services_not_offered, owner_id, due_date, created_by)
         VALUES ($1, '{records}', 9999, '2014-10-20', $2) RETURNING id`,
        [practice, user],
      );
      await ds.query(
        `INSERT INTO follow_up_contact (follow_up_id, contacted_at, method, outcome, recorded_by)
         VALUES ($1, now(), 'phone', 'x', 9999)`,
        [followUp],
      );
      await ds.query(
        `INSERT INTO reminder (user_id, kind, dedupe_key, subject, body, payload)
         VALUES ($1, 'daily_digest', 'a', 's', 'b', '{}'), (9999, 'daily_digest', 'b', 's', 'b', '{}')`,
        [user],
      );

      await ds.runMigrations({ transaction: 'each' });
      expect(await ds.query(`SELECT owner_id, created_by FROM follow_up`)).toEqual([
        { owner_id: null, created_by: user },
      ]);
      expect(await ds.query(`SELECT recorded_by FROM follow_up_contact`)).toEqual([{ recorded_by: null }]);
      expect(await ds.query(`SELECT user_id FROM reminder`)).toEqual([{ user_id: user }]);
      await expect(ds.query(`UPDATE follow_up SET owner_id = 9999`)).rejects.toThrow(/follow_up_owner_fk/);
    }));

  // `npm run migration:revert` must work for every migration, back to an empty database and forward again.
  it('every migration reverts, and applying them again gives the same schema', () =>
    withDataSource(async (ds) => {
      const applied = ds.migrations.length;
      for (let i = 0; i < applied; i++) await ds.undoLastMigration({ transaction: 'each' });
      // Nothing of the schema is left but TypeORM's own table of applied migrations.
      const left = await ds.query(
        `SELECT kind, name FROM (
           SELECT 'table' AS kind, table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public'
           UNION ALL SELECT 'type', typname::text FROM pg_type t
           WHERE typnamespace = 'public'::regnamespace AND typtype IN ('e', 'd')
           UNION ALL SELECT 'function', proname::text FROM pg_proc p WHERE pronamespace = 'public'::regnamespace
             -- An extension's own functions (btree_gist) stay with the extension.
             AND NOT EXISTS (SELECT FROM pg_depend d
                 WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')) o
         WHERE NOT (kind = 'table' AND name = $1) ORDER BY kind, name`,
        [ds.options.migrationsTableName],
      );
      expect(left).toEqual([]);
      expect((await ds.runMigrations({ transaction: 'each' })).length).toBe(applied);
      expect(await drift(ds)).toEqual([]);
    }));
});
