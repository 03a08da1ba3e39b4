import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { execute, selectOne, selectRows } from '@app/database';
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

/**
 * A row of figures.sql.ts as PostgreSQL sends it: bigint counts and numeric percentages as text (`N` =
 * string). Kept as jsonb in stored_figures, the same row comes back with numbers (`N` = number).
 */
export interface FigureSqlRow<N extends string | number = string> {
  code: string;
  name: string;
  service: Service;
  practices_total: N;
  practices_capable: N;
  practices_enabled: N;
  practices_unknown: N;
  patients_total: N;
  patients_at_capable: N;
  patients_at_enabled: N;
  practices_without_list_size: N;
  practices_capable_pct: N | null;
  practices_enabled_pct: N | null;
  patients_at_capable_pct: N | null;
  patients_at_enabled_pct: N | null;
}

/** A row of figuresOnDatesSql: the same, with its date first. */
export type DatedFigureSqlRow = FigureSqlRow & { as_of: string };

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
    const rows = await this.run<FigureSqlRow>(figuresSql(q.by, Boolean(q.knownAt), q.area?.kind), params(date, q));
    return rows.map(toFigureRow);
  }

  region(code: string): Promise<{ code: string; name: string } | undefined> {
    return selectOne(this.db, `SELECT code, name FROM region WHERE code = $1`, [code]);
  }

  ccg(code: string): Promise<{ code: string; name: string; regionCode: string } | undefined> {
    return selectOne(this.db, `SELECT code, name, region_code AS "regionCode" FROM ccg WHERE code = $1`, [code]);
  }

  /** The same for several dates in one statement: rows of each date, keyed by the date. */
  async figuresOnDates(dates: string[], q: FigureQuery): Promise<Map<string, FigureRow[]>> {
    const sql = figuresOnDatesSql(q.by, Boolean(q.knownAt), q.area?.kind);
    const rows = await this.run<DatedFigureSqlRow>(sql, params(dates, q));
    const byDate = new Map<string, FigureRow[]>(dates.map((d) => [d, []]));
    for (const r of rows) byDate.get(r.as_of)!.push(toFigureRow(r));
    return byDate;
  }

  /**
   * A figures statement with JIT off, in a transaction of its own (SET LOCAL ends with it). The known-at
   * variant's estimated cost passes jit_above_cost, and LLVM then spent 5–10 s compiling what runs in
   * 0.3–0.5 s (demo data, docs/figures.md "JIT"); none of these statements runs long enough to gain by it.
   */
  private run<Row>(sql: string, parameters: unknown[]): Promise<Row[]> {
    return this.db.transaction(async (m) => {
      await execute(m, `SET LOCAL jit = off`);
      return selectRows<Row>(m, sql, parameters);
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
const int = (v: string | number) => Number(v);
const decimal = (v: string | number | null) => (v === null ? null : Number(v));

export function toFigureRow(r: FigureSqlRow<string | number>): FigureRow {
  return {
    code: r.code,
    name: r.name,
    service: r.service,
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
