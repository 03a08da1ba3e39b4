import { DataSource } from 'typeorm';
import { Role } from '@app/common';

/**
 * Test-only stand-in for the people feature's users table, with the columns the reminders read:
 * `app_user(id, email, name, role, region_code, active)`. Created in a test's own database only (never
 * by a migration); once the real table is merged, CREATE TABLE IF NOT EXISTS leaves it alone.
 */
export async function createAppUserStandIn(db: DataSource): Promise<void> {
  await db.query(`CREATE TABLE IF NOT EXISTS app_user (
    id serial PRIMARY KEY, email text, name text NOT NULL, role text NOT NULL, region_code varchar(3), active boolean NOT NULL DEFAULT true)`);
}

export async function addUser(db: DataSource, u: { role: Role; name?: string; email?: string | null; regionCode?: string | null; active?: boolean }): Promise<number> {
  const [row] = await db.query(
    `INSERT INTO app_user (email, name, role, region_code, active) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [u.email === undefined ? `${u.role}${Math.random().toString(36).slice(2, 8)}@example.nhs.uk` : u.email, u.name ?? `A ${u.role}`, u.role, u.regionCode ?? null, u.active ?? true],
  );
  return row.id;
}
