import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClinicalSystem, Level, RecordSource, Role, Service } from '@app/domain';
import { PasswordHasher } from '@app/people';
import { PracticesRepository } from '@app/practices';
import { StatusRepository } from '@app/status';

/** The password of every user the factories make (unless told otherwise). */
export const TEST_PASSWORD = 'correct horse battery staple';

export interface NewUser {
  role?: Role;
  /** Created when missing. Support staff default to none (everywhere). */
  regionCode?: string | null;
  email?: string;
  name?: string;
  active?: boolean;
  password?: string;
}

export interface CreatedUser {
  id: number;
  email: string;
  role: Role;
  regionCode: string | null;
  tokenVersion: number;
}

export interface NewPractice {
  code?: string;
  name?: string;
  ccgCode?: string;
  regionCode?: string;
  clinicalSystem?: ClinicalSystem;
  openedOn?: string | null;
  closedOn?: string | null;
  listSize?: number;
  listSizeFrom?: string;
}

/**
 * Test data straight into PostgreSQL, with defaults, so a test states only what it is about. List sizes
 * and status events reuse the repositories' own upkeep of valid_to and spans.
 */
export class Factories {
  private seq = 0;
  private userSeq = 0;
  private readonly practices: PracticesRepository;
  private readonly status: StatusRepository;
  private readonly passwords: PasswordHasher;
  private readonly hashes = new Map<string, Promise<string>>();

  constructor(
    private readonly db: DataSource,
    app: INestApplication,
  ) {
    this.practices = app.get(PracticesRepository, { strict: false });
    this.status = app.get(StatusRepository, { strict: false });
    this.passwords = app.get(PasswordHasher, { strict: false });
  }

  /** A user straight into the database (no audit entry); the password is hashed once per factory. */
  async user(u: NewUser = {}): Promise<CreatedUser> {
    const n = ++this.userSeq;
    const role = u.role ?? Role.Admin;
    const regionCode = u.regionCode ?? null;
    if (regionCode) await this.region(regionCode);
    const password = u.password ?? TEST_PASSWORD;
    if (!this.hashes.has(password)) this.hashes.set(password, this.passwords.hash(password));
    const [row] = await this.db.query(
      `INSERT INTO app_user (email, name, role, region_code, active, password_hash) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, email, role, region_code AS "regionCode", token_version AS "tokenVersion"`,
      [
        (u.email ?? `${role}-${n}@test.invalid`).toLowerCase(),
        u.name ?? `Test ${role} ${n}`,
        role,
        regionCode,
        u.active ?? true,
        await this.hashes.get(password),
      ],
    );
    return row;
  }

  async region(code = 'Y54', name = `Region ${code}`): Promise<string> {
    await this.db.query(`INSERT INTO region (code, name) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [code, name]);
    return code;
  }

  async ccg(code = '00M', regionCode = 'Y54', name = `CCG ${code}`): Promise<string> {
    await this.region(regionCode);
    await this.db.query(`INSERT INTO ccg (code, name, region_code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      code,
      name,
      regionCode,
    ]);
    return code;
  }

  /** Inserts a practice (region and CCG created when missing); returns its id and code. */
  async practice(p: NewPractice = {}): Promise<{ id: number; code: string }> {
    const code = p.code ?? `P${String(10000 + ++this.seq).padStart(5, '0')}`;
    const ccgCode = await this.ccg(p.ccgCode ?? '00M', p.regionCode ?? 'Y54');
    const [row] = await this.db.query(
      `INSERT INTO practice (code, name, ccg_code, clinical_system, opened_on, closed_on)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        code,
        p.name ?? `Practice ${code}`,
        ccgCode,
        p.clinicalSystem ?? ClinicalSystem.EMIS,
        p.openedOn === undefined ? '2000-01-01' : p.openedOn,
        p.closedOn ?? null,
      ],
    );
    if (p.listSize !== undefined) await this.listSize(row.id, p.listSizeFrom ?? '2000-01-01', p.listSize);
    return { id: row.id, code };
  }

  async listSize(practiceId: number, effectiveDate: string, patients: number): Promise<void> {
    await this.practices.upsertListSize(
      this.db.manager,
      practiceId,
      effectiveDate,
      patients,
      null,
      RecordSource.Manual,
    );
  }

  /** Appends a status event (optionally with a chosen recorded_at) and rebuilds that service's spans. */
  async statusEvent(
    practiceId: number,
    service: Service,
    level: Level,
    effectiveDate: string,
    opts: { recordedAt?: string; source?: RecordSource } = {},
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO status_event (practice_id, service, level, effective_date, recorded_at, source)
       VALUES ($1, $2, $3, $4, coalesce($5::timestamptz, clock_timestamp()), $6)`,
      [practiceId, service, level, effectiveDate, opts.recordedAt ?? null, opts.source ?? RecordSource.Manual],
    );
    await this.status.rebuildSpansForPractices(this.db.manager, [practiceId]);
  }
}
