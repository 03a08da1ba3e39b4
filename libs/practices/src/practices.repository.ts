import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { changedRows, execute, exists, selectCount, selectOne, selectRows } from '@app/database';
import { ClinicalSystem, Level, RecordSource, Service } from '@app/domain';
import { practiceInScope } from './in-scope.sql';
import type { ListPracticesQuery } from './practices.dto';

export interface PracticeRow {
  id: number;
  code: string;
  name: string;
  postcode: string | null;
  ccgCode: string;
  regionCode: string;
  clinicalSystem: ClinicalSystem;
  openedOn: string | null;
  closedOn: string | null;
  version: number;
}

/** What a write needs to know about the practice it changes, read under a row lock. */
export interface LockedPractice {
  id: number;
  code: string;
  regionCode: string;
  openedOn: string | null;
  closedOn: string | null;
}

export interface AreaTeamRow {
  code: string;
  name: string;
  regionCode: string;
}

export interface CcgRow {
  code: string;
  name: string;
  regionCode: string;
  areaTeamCode: string | null;
}

export interface CurrentLevelRow {
  practiceId: number;
  service: Service;
  level: Level;
  effectiveDate: string;
}

export interface ListSizeRow {
  practiceId: number;
  patients: number;
  effectiveDate: string;
  recordedAt: Date;
  recordedBy: number | null;
  source: RecordSource;
}

const PRACTICE_COLUMNS = `
  p.id, p.code, p.name, p.postcode, p.ccg_code AS "ccgCode", c.region_code AS "regionCode",
  p.clinical_system AS "clinicalSystem", p.opened_on::text AS "openedOn", p.closed_on::text AS "closedOn", p.version`;

/** Columns a client may sort by, mapped to SQL (never interpolate client text). */
const SORT_SQL: Record<ListPracticesQuery['sort'], string> = {
  code: 'p.code',
  name: 'p.name',
  openedOn: 'p.opened_on',
  listSize: '(SELECT l.patients FROM list_size l WHERE l.practice_id = p.id AND l.valid_to IS NULL)',
};

/** All SQL of regions, CCGs, practices and list sizes. */
@Injectable()
export class PracticesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insertRegion(m: EntityManager, code: string, name: string): Promise<void> {
    await execute(m, `INSERT INTO region (code, name) VALUES ($1, $2)`, [code, name]);
  }

  listRegions(): Promise<{ code: string; name: string }[]> {
    return selectRows<{ code: string; name: string }>(this.db, `SELECT code, name FROM region ORDER BY code`);
  }

  regionExists(code: string, m: EntityManager = this.db.manager): Promise<boolean> {
    return exists(m, `SELECT 1 FROM region WHERE code = $1`, [code]);
  }

  async insertAreaTeam(m: EntityManager, code: string, name: string, regionCode: string): Promise<void> {
    await execute(m, `INSERT INTO area_team (code, name, region_code) VALUES ($1, $2, $3)`, [code, name, regionCode]);
  }

  listAreaTeams(): Promise<AreaTeamRow[]> {
    return selectRows<AreaTeamRow>(
      this.db,
      `SELECT code, name, region_code AS "regionCode" FROM area_team ORDER BY code`,
    );
  }

  async areaTeamRegion(code: string, m: EntityManager): Promise<string | undefined> {
    const row = await selectOne<{ region_code: string }>(m, `SELECT region_code FROM area_team WHERE code = $1`, [
      code,
    ]);
    return row?.region_code;
  }

  async insertCcg(
    m: EntityManager,
    code: string,
    name: string,
    regionCode: string,
    areaTeamCode: string | null,
  ): Promise<void> {
    await execute(m, `INSERT INTO ccg (code, name, region_code, area_team_code) VALUES ($1, $2, $3, $4)`, [
      code,
      name,
      regionCode,
      areaTeamCode,
    ]);
  }

  listCcgs(regionCode?: string): Promise<CcgRow[]> {
    return selectRows<CcgRow>(
      this.db,
      `SELECT code, name, region_code AS "regionCode", area_team_code AS "areaTeamCode"
       FROM ccg WHERE ($1::text IS NULL OR region_code = $1) ORDER BY code`,
      [regionCode ?? null],
    );
  }

  async ccgRegion(code: string, m: EntityManager = this.db.manager): Promise<string | undefined> {
    const row = await selectOne<{ region_code: string }>(m, `SELECT region_code FROM ccg WHERE code = $1`, [code]);
    return row?.region_code;
  }

  async insertPractice(m: EntityManager, p: Omit<PracticeRow, 'id' | 'version' | 'regionCode'>): Promise<number> {
    const [row] = await selectRows<{ id: number }>(
      m,
      `INSERT INTO practice (code, name, postcode, ccg_code, clinical_system, opened_on, closed_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [p.code, p.name, p.postcode, p.ccgCode, p.clinicalSystem, p.openedOn, p.closedOn],
    );
    return row.id;
  }

  findByCode(code: string, m: EntityManager = this.db.manager): Promise<PracticeRow | undefined> {
    return selectOne<PracticeRow>(
      m,
      `SELECT ${PRACTICE_COLUMNS} FROM practice p JOIN ccg c ON c.code = p.ccg_code WHERE p.code = $1`,
      [code],
    );
  }

  /**
   * Locks the practice row for the rest of the transaction: writes to one practice run one at a time.
   * The row alone, then its region in a second statement: locked through the join to its CCG, a practice
   * whose CCG a concurrent write had just changed was not found at all (the re-check after the wait joins
   * the old CCG row), a false 404. The second statement's snapshot is taken after the lock is granted.
   */
  async lockByCode(m: EntityManager, code: string): Promise<LockedPractice | undefined> {
    if (!(await exists(m, `SELECT 1 FROM practice WHERE code = $1 FOR UPDATE`, [code]))) return undefined;
    return selectOne<LockedPractice>(
      m,
      `SELECT p.id, p.code, c.region_code AS "regionCode", p.opened_on::text AS "openedOn",
         p.closed_on::text AS "closedOn"
       FROM practice p JOIN ccg c ON c.code = p.ccg_code WHERE p.code = $1`,
      [code],
    );
  }

  /** Compare-and-set update: returns false when `version` no longer matches (someone else edited it). */
  async updatePractice(
    m: EntityManager,
    id: number,
    expectedVersion: number,
    p: Omit<PracticeRow, 'id' | 'code' | 'version' | 'regionCode'>,
  ): Promise<boolean> {
    const { count } = await changedRows(
      m,
      `UPDATE practice
       SET name = $3, postcode = $4, ccg_code = $5, clinical_system = $6, opened_on = $7, closed_on = $8,
              version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2`,
      [id, expectedVersion, p.name, p.postcode, p.ccgCode, p.clinicalSystem, p.openedOn, p.closedOn],
    );
    return count > 0;
  }

  /** Someone set the practice's clinical system on `date`: no older POMI file may change it back. */
  async reportClinicalSystem(m: EntityManager, practiceId: number, date: string): Promise<void> {
    await execute(
      m,
      `INSERT INTO clinical_system_report AS r (practice_id, as_of, source) VALUES ($1, $2, 'manual')
       ON CONFLICT (practice_id) DO UPDATE SET as_of = greatest(r.as_of, EXCLUDED.as_of), source = EXCLUDED.source`,
      [practiceId, date],
    );
  }

  /** The earliest effective date of anything recorded for the practice (a new open date may not pass it). */
  async earliestHistoryDate(m: EntityManager, practiceId: number): Promise<string | null> {
    const [row] = await selectRows<{ earliest: string | null }>(
      m,
      `SELECT least((SELECT min(effective_date) FROM status_event WHERE practice_id = $1),
                    (SELECT min(effective_date) FROM list_size WHERE practice_id = $1))::text AS earliest`,
      [practiceId],
    );
    return row.earliest;
  }

  /** A page of practices; `today` (London) decides which are open. */
  async listPractices(q: ListPracticesQuery, today: string): Promise<{ rows: PracticeRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => `$${params.push(v)}`;
    if (q.regionCode) where.push(`c.region_code = ${param(q.regionCode)}`);
    if (q.ccgCode) where.push(`p.ccg_code = ${param(q.ccgCode)}`);
    if (q.clinicalSystem) where.push(`p.clinical_system = ${param(q.clinicalSystem)}`);
    if (q.q) {
      // The start of the code, part of the name, or the start of the postcode with or without its space;
      // each arm has its own index (migration PracticeSearchIndexes), so Postgres ORs three index scans.
      const literal = (v: string) => v.replace(/[\\%_]/g, '\\$&'); // the user's % and _ are literal
      const text = param(literal(q.q));
      const postcode = param(literal(q.q.toUpperCase().replace(/\s+/g, '')));
      where.push(`(p.code LIKE upper(${text}) || '%' OR p.name ILIKE '%' || ${text} || '%'
                   OR replace(p.postcode, ' ', '') LIKE ${postcode} || '%')`);
    }
    if (q.service && (q.level || q.offering !== undefined)) {
      // The open span of status_span is the current level (future effective dates are refused).
      const current = `SELECT 1 FROM status_span s
                       WHERE s.practice_id = p.id AND s.service = ${param(q.service)} AND s.valid_to IS NULL`;
      const enabled = `EXISTS (${current} AND s.level = 'enabled')`;
      if (q.offering !== undefined) where.push(q.offering ? enabled : `NOT ${enabled}`);
      else
        where.push(
          q.level === 'unknown' ? `NOT EXISTS (${current})` : `EXISTS (${current} AND s.level = ${param(q.level)})`,
        );
    }
    if (q.open !== undefined) {
      // In scope of the figures today: the figures' own rule.
      const open = `(${practiceInScope('p', `${param(today)}::date`)})`;
      where.push(q.open ? open : `NOT ${open}`);
    }
    const order = `${SORT_SQL[q.sort]} ${q.order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, p.code`;
    // count(*) is a bigint: PostgreSQL sends it as text.
    const rows = await selectRows<PracticeRow & { total: string }>(
      this.db,
      `SELECT ${PRACTICE_COLUMNS}, count(*) OVER () AS total
       FROM practice p JOIN ccg c ON c.code = p.ccg_code
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${order}
       LIMIT ${param(q.pageSize)} OFFSET ${param((q.page - 1) * q.pageSize)}`,
      params,
    );
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && q.page > 1) {
      total = await selectCount(
        this.db,
        `SELECT count(*) AS n FROM practice p
         JOIN ccg c ON c.code = p.ccg_code ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
        params.slice(0, -2),
      );
    }
    return { rows: rows.map(({ total: _t, ...r }: PracticeRow & { total: string }) => r), total };
  }

  /** Current level of each service for these practices (the open spans). */
  currentLevels(practiceIds: number[]): Promise<CurrentLevelRow[]> {
    return selectRows<CurrentLevelRow>(
      this.db,
      `SELECT practice_id AS "practiceId", service, level, valid_from::text AS "effectiveDate"
       FROM status_span WHERE valid_to IS NULL AND practice_id = ANY($1)`,
      [practiceIds],
    );
  }

  currentListSizes(practiceIds: number[]): Promise<ListSizeRow[]> {
    return selectRows<ListSizeRow>(
      this.db,
      `SELECT practice_id AS "practiceId", patients, effective_date::text AS "effectiveDate",
         recorded_at AS "recordedAt",
              recorded_by AS "recordedBy", source
       FROM list_size WHERE valid_to IS NULL AND practice_id = ANY($1)`,
      [practiceIds],
    );
  }

  /**
   * Records the list size effective on a date: a second figure for a date already held replaces the first
   * (no date changes, so no link); a new date goes in linked, with the entry before it relinked to end
   * where it begins (add_list_sizes, libs/practices/src/sql/add-list-sizes.sql, the one copy of the link
   * rule). Runs under the practice row lock taken by the caller.
   */
  async upsertListSize(
    m: EntityManager,
    practiceId: number,
    effectiveDate: string,
    patients: number,
    recordedBy: number | null,
    source: RecordSource,
  ): Promise<void> {
    const replaced = await changedRows(
      m,
      `UPDATE list_size SET patients = $3, recorded_by = $4, source = $5, recorded_at = now()
       WHERE practice_id = $1 AND effective_date = $2`,
      [practiceId, effectiveDate, patients, recordedBy, source],
    );
    if (replaced.count === 0) {
      await execute(m, `SELECT add_list_sizes($1::integer[], $2::date[], $3::integer[], $4, $5)`, [
        [practiceId],
        [effectiveDate],
        [patients],
        recordedBy,
        source,
      ]);
    }
  }

  listSizeHistory(practiceId: number): Promise<ListSizeRow[]> {
    return selectRows<ListSizeRow>(
      this.db,
      `SELECT practice_id AS "practiceId", patients, effective_date::text AS "effectiveDate",
         recorded_at AS "recordedAt",
              recorded_by AS "recordedBy", source
       FROM list_size WHERE practice_id = $1 ORDER BY effective_date DESC`,
      [practiceId],
    );
  }
}
