import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Service } from '@app/domain';
import { AreaKind, figuresOnDatesSql, figuresSql, GroupBy } from './figures.sql';

/** One group's figures for one service on one date, straight from figures.sql.ts. */
export interface FigureRow {
  code: string;
  name: string;
  service: Service;
  practicesTotal: number;
  practicesCapable: number;
  practicesEnabled: number;
  practicesUnknown: number;
  patientsTotal: number;
  patientsAtCapable: number;
  patientsAtEnabled: number;
  practicesWithoutListSize: number;
  practicesCapablePct: number | null;
  practicesEnabledPct: number | null;
  patientsAtCapablePct: number | null;
  patientsAtEnabledPct: number | null;
}

export interface FigureQuery {
  by: GroupBy;
  /** Only events recorded at or before this moment (an ISO timestamp with zone, passed to PostgreSQL as text). */
  knownAt?: string;
  service?: Service;
  /** Only the practices of this region or CCG (England when absent). */
  area?: Area;
}

/** A region or a CCG, by its ODS code. */
export interface Area {
  kind: Exclude<AreaKind, 'england'>;
  code: string;
}

/** All SQL of the figures (the statement itself lives in figures.sql.ts). */
@Injectable()
export class FiguresRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async figuresOn(date: string, q: FigureQuery): Promise<FigureRow[]> {
    const rows = await this.run(figuresSql(q.by, Boolean(q.knownAt), q.area?.kind), params(date, q));
    return rows.map(toFigureRow);
  }

  async region(code: string): Promise<{ code: string; name: string } | undefined> {
    const rows: { code: string; name: string }[] = await this.db.query(
      `SELECT code, name FROM region WHERE code = $1`,
      [code],
    );
    return rows[0];
  }

  async ccg(code: string): Promise<{ code: string; name: string; regionCode: string } | undefined> {
    const rows: { code: string; name: string; regionCode: string }[] = await this.db.query(
      `SELECT code, name, region_code AS "regionCode" FROM ccg WHERE code = $1`,
      [code],
    );
    return rows[0];
  }

  /** The same for several dates in one statement: rows of each date, keyed by the date. */
  async figuresOnDates(dates: string[], q: FigureQuery): Promise<Map<string, FigureRow[]>> {
    const rows = await this.run(figuresOnDatesSql(q.by, Boolean(q.knownAt), q.area?.kind), params(dates, q));
    const byDate = new Map<string, FigureRow[]>(dates.map((d) => [d, []]));
    for (const r of rows) byDate.get(r.as_of as string)!.push(toFigureRow(r));
    return byDate;
  }

  /**
   * A figures statement with JIT off, in a transaction of its own (SET LOCAL ends with it). The known-at
   * variant's estimated cost passes jit_above_cost, and LLVM then spent 5–10 s compiling what runs in
   * 0.3–0.5 s (demo data, docs/figures.md "JIT"); none of these statements runs long enough to gain by it.
   */
  private run(sql: string, parameters: unknown[]): Promise<Record<string, string | null>[]> {
    return this.db.transaction(async (m) => {
      await m.query(`SET LOCAL jit = off`);
      return m.query<Record<string, string | null>[]>(sql, parameters);
    });
  }
}

/** The statements' parameters in their order (figures.sql.ts): date(s), service, then knownAt and area if any. */
function params(dates: string | string[], q: FigureQuery): unknown[] {
  const list: unknown[] = [dates, q.service ?? null];
  if (q.knownAt) list.push(q.knownAt);
  if (q.area) list.push(q.area.code);
  return list;
}

// bigint counts and numeric percentages arrive as text; every value fits a double exactly
// (patients in England ~ 6e7; even ten times that is far below 2^53).
// Stored figures (stored-figures.repository.ts) come back from jsonb as numbers: Number() takes both.
const int = (v: string | number | null) => Number(v);
const decimal = (v: string | number | null) => (v === null ? null : Number(v));

export function toFigureRow(r: Record<string, string | number | null>): FigureRow {
  return {
    code: r.code as string,
    name: r.name as string,
    service: r.service as Service,
    practicesTotal: int(r.practices_total),
    practicesCapable: int(r.practices_capable),
    practicesEnabled: int(r.practices_enabled),
    practicesUnknown: int(r.practices_unknown),
    patientsTotal: int(r.patients_total),
    patientsAtCapable: int(r.patients_at_capable),
    patientsAtEnabled: int(r.patients_at_enabled),
    practicesWithoutListSize: int(r.practices_without_list_size),
    practicesCapablePct: decimal(r.practices_capable_pct),
    practicesEnabledPct: decimal(r.practices_enabled_pct),
    patientsAtCapablePct: decimal(r.patients_at_capable_pct),
    patientsAtEnabledPct: decimal(r.patients_at_enabled_pct),
  };
}
