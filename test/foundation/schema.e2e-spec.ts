import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database';
import { createTestDatabase } from '../setup/test-context';

describe('schema', () => {
  it('the migrations produce exactly what the entities describe (no drift for migration:generate)', async () => {
    const { config, drop } = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(config, { poolSize: 2 }));
    await ds.initialize();
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
      await drop();
    }
  });
});
