import { join } from 'node:path';
import type { ClientBase } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { AppConfig, pgSessionOptions } from '@app/config';
import { MIGRATIONS } from './migrations';

/**
 * Every feature's entities, found by their file name beside this lib (libs/<feature>/src/…/*.entity.ts,
 * or .js in a build), so this lib imports no feature lib. No query uses them (repositories run SQL): they
 * describe the schema, whose cross-feature relations (a follow-up's owner, a practice's CCG) need every
 * entity loaded, in the apps and in a script's smaller module alike. test/foundation/schema.e2e-spec.ts
 * checks that they describe every table the migrations make, so a pattern that found none would fail it.
 */
export const ENTITY_FILES = join(__dirname, '..', '..', '*', 'src', '**', '*.entity.{ts,js}');

/** The one set of DataSource options shared by the apps, the migration CLI, the scripts and the tests. */
export function dataSourceOptions(
  config: AppConfig,
  overrides: Partial<{ database: string; poolSize: number }> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    host: config.DB_HOST,
    port: config.DB_PORT,
    username: config.DB_USER,
    password: config.DB_PASSWORD || undefined,
    database: overrides.database ?? config.DB_NAME,
    entities: [ENTITY_FILES],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    poolSize: overrides.poolSize ?? config.DB_POOL_SIZE,
    extra: {
      // Fail fast instead of hanging when PostgreSQL is down; the error filter answers 503.
      connectionTimeoutMillis: 5000,
      application_name: 'patient-online-tracker',
      // The product's time zone for the database functions that need "today" (see pgSessionOptions).
      options: pgSessionOptions(config),
      onConnect: listenForConnectionErrors,
    },
  };
}

/**
 * pg-pool hands a new connection to TypeORM a moment before TypeORM listens for its errors. A server that
 * ends the connection in that moment (a fast shutdown or restart; seen under load in
 * test/foundation/database-outage.e2e-spec.ts) makes the client emit an `error` that nobody hears, which
 * throws and would end the process. With a listener of our own for the connection's whole life, the error
 * reaches the next query instead ("not queryable": a 503) and the pool drops the connection.
 */
function listenForConnectionErrors(client: ClientBase): void {
  client.on('error', () => undefined);
}
