import { DataSource, EntityManager } from 'typeorm';
import { execute, exists, selectCount, selectRows } from '@app/database';
import { StatusRepository } from '@app/status';
import type { GeneratedEvent } from './status-history.generator';
import type { DemoCcg, DemoData } from './demo-data.reader';
import type { DemoUser } from './demo-people';

/**
 * The SQL of the demo loader. Every insert skips what is already there, so loading twice adds nothing.
 * Rows go in as arrays (`unnest`), one statement per table, far below PostgreSQL's parameter limit.
 */
export class DemoRepository {
  private readonly status: StatusRepository;

  constructor(private readonly db: DataSource) {
    this.status = new StatusRepository(db);
  }

  async insertGeography(m: EntityManager, data: DemoData): Promise<void> {
    const col = <T, K extends keyof T>(rows: T[], key: K) => rows.map((r) => r[key]);
    await execute(
      m,
      `INSERT INTO region (code, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [col(data.regions, 'code'), col(data.regions, 'name')],
    );
    await execute(
      m,
      `INSERT INTO area_team (code, name, region_code) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT DO NOTHING`,
      [col(data.areaTeams, 'code'), col(data.areaTeams, 'name'), col(data.areaTeams, 'regionCode')],
    );
    const ccgs: DemoCcg[] = data.ccgs;
    await execute(
      m,
      `INSERT INTO ccg (code, name, region_code, area_team_code)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
      [col(ccgs, 'code'), col(ccgs, 'name'), col(ccgs, 'regionCode'), col(ccgs, 'areaTeamCode')],
    );
  }

  async insertPractices(m: EntityManager, data: DemoData): Promise<number> {
    const p = data.practices;
    const rows = await selectRows<{ id: number }>(
      m,
      `INSERT INTO practice (code, name, postcode, ccg_code, clinical_system, opened_on, closed_on)
       SELECT code, name, nullif(postcode, ''), ccg, system::clinical_system, opened, closed
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[])
            AS t(code, name, postcode, ccg, system, opened, closed)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [
        p.map((x) => x.code),
        p.map((x) => x.name),
        p.map((x) => x.postcode),
        p.map((x) => x.ccgCode),
        p.map((x) => x.supplier),
        p.map((x) => x.openedOn),
        p.map((x) => x.closedOn),
      ],
    );
    return rows.length;
  }

  /** The list sizes of dates not held yet (a second load adds none), linked by add_list_sizes. */
  async insertListSizes(m: EntityManager, data: DemoData): Promise<number> {
    const l = data.listSizes;
    return selectCount(
      m,
      `SELECT count(*)::int AS n
       FROM (SELECT array_agg(p.id) AS ids, array_agg(t.effective_date) AS dates, array_agg(t.patients) AS patients
             FROM unnest($1::text[], $2::date[], $3::int[]) AS t(code, effective_date, patients)
             JOIN practice p ON p.code = t.code) s
       CROSS JOIN LATERAL add_list_sizes(s.ids, s.dates, s.patients, NULL, 'import') AS a(practice_id)`,
      [l.map((x) => x.practiceCode), l.map((x) => x.effectiveDate), l.map((x) => x.patients)],
    );
  }

  /**
   * The generated history, for practices that have no status events yet (so a second load adds none).
   * Each event is "recorded" the day after it took effect at 09:00 in `timeZone` (the app's zone), so
   * `knownAt` queries over the demo behave like real publication lags.
   */
  async insertStatusEvents(m: EntityManager, events: GeneratedEvent[], timeZone: string): Promise<number> {
    const rows = await selectRows<{ practice_id: number }>(
      m,
      `INSERT INTO status_event (practice_id, service, level, effective_date, recorded_at, source, note)
       SELECT p.id, t.service::service, t.level::service_level, t.effective_date,
              ((t.effective_date + 1) + time '09:00') AT TIME ZONE $5, 'import', 'demo data (generated)'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::date[]) AS t(code, service, level, effective_date)
       JOIN practice p ON p.code = t.code
       WHERE NOT EXISTS (SELECT 1 FROM status_event e WHERE e.practice_id = p.id)
       RETURNING practice_id`,
      [
        events.map((e) => e.practiceCode),
        events.map((e) => e.service),
        events.map((e) => e.level),
        events.map((e) => e.effectiveDate),
        timeZone,
      ],
    );
    const practiceIds = [...new Set(rows.map((r) => r.practice_id))];
    if (practiceIds.length) await this.status.rebuildSpansForPractices(m, practiceIds);
    return rows.length;
  }

  async analyse(): Promise<void> {
    await execute(this.db, `ANALYZE region, area_team, ccg, practice, list_size, status_event, status_span`);
  }

  async userExists(email: string): Promise<boolean> {
    return exists(this.db, `SELECT 1 FROM app_user WHERE email = $1`, [email]);
  }

  /** Adds the demo user unless someone took the address meanwhile. */
  async insertUser(u: Omit<DemoUser, 'password'>, passwordHash: string): Promise<void> {
    await execute(
      this.db,
      `INSERT INTO app_user (email, name, role, region_code, password_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [u.email, u.name, u.role, u.regionCode, passwordHash],
    );
  }
}
