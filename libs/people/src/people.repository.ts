import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { changedRows, execute, exists, selectCount, selectOne, selectRows } from '@app/database';
import { Role } from '@app/domain';
import type { ListUsersQuery, UserDto } from './people.dto';

/** What sign-in and the access guard need to know about a user. */
export interface Credentials {
  id: number;
  email: string;
  role: Role;
  regionCode: string | null;
  active: boolean;
  passwordHash: string;
  tokenVersion: number;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  regionCode: string | null;
  passwordHash: string;
}

const USER_COLUMNS = `id, email, name, role, region_code AS "regionCode", active, created_at AS "createdAt",
                        updated_at AS "updatedAt"`;
const CREDENTIAL_COLUMNS = `id, email, role, region_code AS "regionCode", active, password_hash AS "passwordHash",
                              token_version AS "tokenVersion"`;

/** All SQL of users. */
@Injectable()
export class PeopleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(m: EntityManager, u: NewUser): Promise<UserDto> {
    const [user] = await selectRows<UserDto>(
      m,
      `INSERT INTO app_user (email, name, role, region_code, password_hash) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${USER_COLUMNS}`,
      [u.email, u.name, u.role, u.regionCode, u.passwordHash],
    );
    return user;
  }

  findById(id: number, m: EntityManager = this.db.manager): Promise<UserDto | undefined> {
    return selectOne<UserDto>(m, `SELECT ${USER_COLUMNS} FROM app_user WHERE id = $1`, [id]);
  }

  /** Locks the user's row for the rest of the transaction (edits to one user apply one after another). */
  lockById(m: EntityManager, id: number): Promise<UserDto | undefined> {
    return selectOne<UserDto>(m, `SELECT ${USER_COLUMNS} FROM app_user WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** The access guard's per-request check: a primary-key lookup. */
  credentialsById(id: number, m: EntityManager = this.db.manager): Promise<Credentials | undefined> {
    return selectOne<Credentials>(m, `SELECT ${CREDENTIAL_COLUMNS} FROM app_user WHERE id = $1`, [id]);
  }

  credentialsByEmail(email: string, m: EntityManager = this.db.manager): Promise<Credentials | undefined> {
    return selectOne<Credentials>(m, `SELECT ${CREDENTIAL_COLUMNS} FROM app_user WHERE email = $1`, [email]);
  }

  /**
   * Locks every active admin's row and returns their ids: a change that could remove the last admin
   * runs under these locks, so two admins demoting each other at once cannot both succeed.
   */
  async lockActiveAdmins(m: EntityManager): Promise<number[]> {
    const rows = await selectRows<{ id: number }>(
      m,
      `SELECT id FROM app_user WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`,
    );
    return rows.map((r) => r.id);
  }

  async update(
    m: EntityManager,
    id: number,
    u: { name: string; role: Role; regionCode: string | null; active: boolean; endSessions: boolean },
  ): Promise<UserDto> {
    const { rows } = await changedRows<UserDto>(
      m,
      `UPDATE app_user SET name = $2, role = $3, region_code = $4, active = $5,
              token_version = token_version + CASE WHEN $6 THEN 1 ELSE 0 END, updated_at = now()
       WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [id, u.name, u.role, u.regionCode, u.active, u.endSessions],
    );
    return rows[0];
  }

  /** A new password hash; `endSessions` also invalidates every token issued so far. */
  async setPasswordHash(
    m: EntityManager,
    id: number,
    passwordHash: string,
    endSessions: boolean,
  ): Promise<Credentials> {
    const { rows } = await changedRows<Credentials>(
      m,
      `UPDATE app_user
       SET password_hash = $2, token_version = token_version + CASE WHEN $3 THEN 1 ELSE 0 END, updated_at = now()
       WHERE id = $1 RETURNING ${CREDENTIAL_COLUMNS}`,
      [id, passwordHash, endSessions],
    );
    return rows[0];
  }

  async endSessions(id: number): Promise<void> {
    await execute(this.db, `UPDATE app_user SET token_version = token_version + 1 WHERE id = $1`, [id]);
  }

  anyActiveAdmin(m: EntityManager): Promise<boolean> {
    return exists(m, `SELECT 1 FROM app_user WHERE role = 'admin' AND active LIMIT 1`);
  }

  /** Serialises first-admin creation across API instances starting together. */
  /**
   * Serialises the changes that may take an admin away. Each such change locks its user, then every active
   * admin; two admins demoting each other at once would each hold their own row and wait for the other's
   * (a deadlock, answered 409 by chance rather than by the rule). Taken before the user's row, this lock
   * makes the second wait for the first and then meet the rule.
   */
  async lockAdminChanges(m: EntityManager): Promise<void> {
    await execute(m, `SELECT pg_advisory_xact_lock(7438190213)`);
  }

  async lockFirstAdminCreation(m: EntityManager): Promise<void> {
    await execute(m, `SELECT pg_advisory_xact_lock(7438190212)`);
  }

  async list(q: ListUsersQuery): Promise<{ rows: UserDto[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => `$${params.push(v)}`;
    if (q.role) where.push(`role = ${param(q.role)}`);
    if (q.regionCode) where.push(`region_code = ${param(q.regionCode)}`);
    if (q.active !== undefined) where.push(`active = ${param(q.active)}`);
    if (q.q) {
      const text = param(`%${q.q.replace(/[\\%_]/g, '\\$&')}%`); // the user's % and _ are literal
      where.push(`(email ILIKE ${text} OR name ILIKE ${text})`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [rows, total] = await Promise.all([
      selectRows<UserDto>(
        this.db,
        `SELECT ${USER_COLUMNS} FROM app_user ${filter} ORDER BY email
         LIMIT ${param(q.pageSize)} OFFSET ${param((q.page - 1) * q.pageSize)}`,
        params,
      ),
      selectCount(this.db, `SELECT count(*)::int AS n FROM app_user ${filter}`, params.slice(0, -2)),
    ]);
    return { rows, total };
  }
}
