import { DataSource } from 'typeorm';
import { Role } from '@app/domain';

/**
 * Users for the reminder specs, straight into the people feature's table with a placeholder password
 * hash (they never sign in). `email: null` is a user whose address is unknown (the column allows it).
 */
export async function addUser(
  db: DataSource,
  u: { role: Role; name?: string; email?: string | null; regionCode?: string | null; active?: boolean },
): Promise<number> {
  if (u.regionCode)
    await db.query(`INSERT INTO region (code, name) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      u.regionCode,
      `Region ${u.regionCode}`,
    ]);
  const [row] = await db.query(
    `INSERT INTO app_user (email, name, role, region_code, active, password_hash)
     VALUES ($1, $2, $3, $4, $5, 'not-a-hash') RETURNING id`,
    [
      u.email === undefined ? `${u.role}${Math.random().toString(36).slice(2, 8)}@example.nhs.uk` : u.email,
      u.name ?? `A ${u.role}`,
      u.role,
      u.regionCode ?? null,
      u.active ?? true,
    ],
  );
  return row.id;
}
