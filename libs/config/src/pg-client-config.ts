import type { ClientConfig } from 'pg';
import type { AppConfig } from './app-config';

/** How to reach the configured PostgreSQL with a plain `pg` client (outside TypeORM's pool). */
export function pgClientConfig(config: AppConfig, database = config.DB_NAME): ClientConfig {
  return {
    host: config.DB_HOST,
    port: config.DB_PORT,
    user: config.DB_USER,
    password: config.DB_PASSWORD || undefined,
    database,
    options: pgSessionOptions(config),
  };
}

/**
 * Settings every connection starts with (libpq's `options`). `pot.time_zone` is APP_TIME_ZONE, the
 * product's calendar, for the database functions that need "today" (stored_figures_last_date: see
 * libs/figures/src/sql/stored-figures-last-date.sql). A session setting rather than PostgreSQL's own
 * TimeZone, which would change how every timestamp is rendered as text.
 */
export function pgSessionOptions(config: Pick<AppConfig, 'APP_TIME_ZONE'>): string {
  return `-c pot.time_zone=${config.APP_TIME_ZONE.replace(/[\\ ]/g, '\\$&')}`;
}
