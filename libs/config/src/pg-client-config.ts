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
  };
}
