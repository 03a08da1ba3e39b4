import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Service } from '@app/common';
import { figuresOnDatesSql, figuresSql, GroupBy } from './figures.sql';

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
}

/** All SQL of the figures (the statement itself lives in figures.sql.ts). */
@Injectable()
export class FiguresRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async figuresOn(date: string, q: FigureQuery): Promise<FigureRow[]> {
    const params: unknown[] = [date, q.service ?? null];
    if (q.knownAt) params.push(q.knownAt);
    const rows: Record<string, string | null>[] = await this.db.query(figuresSql(q.by, Boolean(q.knownAt)), params);
    return rows.map(toFigureRow);
  }

  /** The same for several dates in one statement: rows of each date, keyed by the date. */
  async figuresOnDates(dates: string[], q: FigureQuery): Promise<Map<string, FigureRow[]>> {
    const params: unknown[] = [dates, q.service ?? null];
    if (q.knownAt) params.push(q.knownAt);
    const rows: Record<string, string | null>[] = await this.db.query(
      figuresOnDatesSql(q.by, Boolean(q.knownAt)),
      params,
    );
    const byDate = new Map<string, FigureRow[]>(dates.map((d) => [d, []]));
    for (const r of rows) byDate.get(r.as_of as string)!.push(toFigureRow(r));
    return byDate;
  }
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
