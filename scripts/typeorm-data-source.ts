import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';

/** For the TypeORM CLI (`npm run migration:generate` / `migration:revert`), run from the sources. */
export default new DataSource(dataSourceOptions(loadConfig()));
