import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, pgClientConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options';
import { execute, selectRows } from './sql';

/** Any fixed number: every process migrating this database takes the same advisory lock. */
const MIGRATION_LOCK_KEY = 7_438_190_211;

export function describeDatabase(config: AppConfig, database = config.DB_NAME): string {
  return `PostgreSQL at ${config.DB_HOST}:${config.DB_PORT} (database "${database}", user "${config.DB_USER}")`;
}

/** A one-line explanation of a connection failure, naming the address and what to do. */
export function explainConnectionError(err: unknown, config: AppConfig, database = config.DB_NAME): string {
  const e = err as { code?: string; message?: string };
  const where = describeDatabase(config, database);
  if (e.code === '3D000') return `${where} does not exist: run "npm run db:create" (or "npm run demo").`;
  if (e.code === 'ECONNREFUSED' || e.code === 'ETIMEDOUT' || e.code === 'EHOSTUNREACH' || e.code === 'ENOTFOUND') {
    return `${where} is not reachable (${e.code}): start PostgreSQL or set DB_HOST/DB_PORT.`;
  }
  if (e.code === '28P01' || e.code === '28000') return `${where} refused the login: check DB_USER/DB_PASSWORD.`;
  return `${where}: ${e.message ?? String(err)}`;
}

/** Creates the database if it does not exist yet (connecting to the maintenance database "postgres"). */
export async function createDatabaseIfMissing(
  config: AppConfig,
  database = config.DB_NAME,
  template?: string,
): Promise<boolean> {
  const client = new Client(pgClientConfig(config, 'postgres'));
  await client.connect();
  try {
    // A pg client on the maintenance database (not a DataSource: this runs before ours exists); pg types the rows.
    // eslint-disable-next-line no-restricted-syntax -- raw pg client, typed by pg's generic
    const { rowCount } = await client.query<{ found: 1 }>('SELECT 1 AS found FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (rowCount) return false;
    const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
    // eslint-disable-next-line no-restricted-syntax -- raw pg client; returns no rows
    await client.query(`CREATE DATABASE ${ident(database)}${template ? ` TEMPLATE ${ident(template)}` : ''}`);
    return true;
  } catch (err) {
    // Two processes racing to create it: the loser sees "already exists", which is fine.
    if ((err as { code?: string }).code === '42P04') return false;
    throw err;
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations, serialised by an advisory lock so several instances starting together
 * never run the same migration twice. Returns the names of those applied.
 */
export async function runMigrations(config: AppConfig, database = config.DB_NAME): Promise<string[]> {
  const ds = new DataSource({ ...dataSourceOptions(config, { database, poolSize: 2 }), logging: false });
  await ds.initialize();
  const runner = ds.createQueryRunner();
  try {
    await execute(runner, 'SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await ds.runMigrations({ transaction: 'all' });
    // The database's own default for pot.time_zone (every connection of the apps sets it anyway), so a
    // session that sets nothing, such as psql by hand, has the product's zone for the functions that need it.
    const [{ sql }] = await selectRows<{ sql: string }>(
      runner,
      `SELECT format('ALTER DATABASE %I SET pot.time_zone = %L', $1::text, $2::text) AS sql`,
      [database, config.APP_TIME_ZONE],
    );
    await execute(runner, sql);
    return applied.map((m) => m.name);
  } finally {
    await execute(runner, 'SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
    await ds.destroy();
  }
}
