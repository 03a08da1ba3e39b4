import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';

/**
 * For the TypeORM CLI (`npm run migration:generate` / `migration:revert`), run from the sources. Every
 * feature's entities, found by their file name: test/foundation/schema.e2e-spec.ts checks that the API
 * registers an entity for every table the migrations make, and that they agree (no drift).
 */
export default new DataSource(
  dataSourceOptions(loadConfig(), { entities: [join(__dirname, '../libs/*/src/**/*.entity.ts')] }),
);
