import type { ClientBase } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '@app/config';
import type { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The one set of DataSource options shared by the apps, the migration CLI and the tests. */
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
    entities: entities(),
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    poolSize: overrides.poolSize ?? config.DB_POOL_SIZE,
    extra: {
      // Fail fast instead of hanging when PostgreSQL is down; the error filter answers 503.
      connectionTimeoutMillis: 5000,
      application_name: 'patient-online-tracker',
      onConnect: listenForConnectionErrors,
    },
  };
}

/**
 * The entity list, loaded when options are first built rather than when `@app/database` is imported. The
 * feature libs' repositories import the SQL helpers (sql.ts) from here, and the entity list imports every
 * feature lib: loaded eagerly, a spec or script that imported a feature lib first would reach that lib again
 * half-loaded (its Nest module still undefined in another module's `imports`). By the time options are
 * built, every lib has loaded.
 */
function entities(): typeof ENTITIES {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose (see above)
  return (require('./entities') as { ENTITIES: typeof ENTITIES }).ENTITIES;
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
