import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database';
import { createTestDatabase } from '../setup/test-context';

describe('schema', () => {
  async function withDataSource(run: (ds: DataSource) => Promise<void>): Promise<void> {
    const { config, drop } = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(config, { poolSize: 2 }));
    await ds.initialize();
    try {
      await run(ds);
    } finally {
      await ds.destroy();
      await drop();
    }
  }

  const drift = async (ds: DataSource) => (await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);

  it('the migrations produce exactly what the entities describe (no drift for migration:generate)', () =>
    withDataSource(async (ds) => {
      expect(await drift(ds)).toEqual([]);
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
           UNION ALL SELECT 'type', typname::text FROM pg_type t WHERE typnamespace = 'public'::regnamespace AND typtype IN ('e', 'd')
           UNION ALL SELECT 'function', proname::text FROM pg_proc p WHERE pronamespace = 'public'::regnamespace
             -- An extension's own functions (btree_gist) stay with the extension.
             AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')) o
         WHERE NOT (kind = 'table' AND name = $1) ORDER BY kind, name`,
        [ds.options.migrationsTableName],
      );
      expect(left).toEqual([]);
      expect((await ds.runMigrations({ transaction: 'each' })).length).toBe(applied);
      expect(await drift(ds)).toEqual([]);
    }));
});
