import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { execute, selectRows } from '@app/database';
import { Service, SERVICES } from '@app/domain';
import { inBatches } from './batches';
import { DatedFigureSqlRow, FigureRow, FigureSqlRow, toFigureRow } from './figures.repository';
import { figuresOnDatesSql } from './figures.sql';

/** The statement whose results are stored; its hash marks them, so a changed definition reads none of them. */
const NATIONAL = figuresOnDatesSql('national', false);
export const STORED_FIGURES_DEFINITION = createHash('sha256').update(NATIONAL).digest('hex').slice(0, 16);

/**
 * Computes the national figures of the dates of $1 (one service $2, or all) and keeps those of settled
 * dates in stored_figures, in the same statement. Run after taking stored_figures_guard in SHARE mode
 * (migration StoredFigures explains the locking). A date already stored by a concurrent reader is kept
 * as it is: both computed the same figures.
 */
const COMPUTE_AND_STORE = `
WITH f AS (${NATIONAL}),
  stored AS (
    INSERT INTO stored_figures (as_of, service, definition, figures)
    SELECT f.as_of::date, f.service::service, $3, to_jsonb(f) - 'as_of' FROM f
    WHERE f.as_of::date <= stored_figures_last_date()
    ON CONFLICT DO NOTHING)
SELECT * FROM f`;

/** The stored figures of the dates of $2 (one service $3, or all) under definition $1. */
export const READ_STORED = `
SELECT as_of::text AS as_of, figures FROM stored_figures
WHERE definition = $1 AND as_of = ANY($2::date[]) AND ($3::service IS NULL OR service = $3::service)
ORDER BY as_of, service::text`;

/**
 * National figures (knownAt absent) read from stored_figures where they are stored, and computed
 * otherwise, storing those of settled dates (docs/figures.md "Stored figures"). Exactly the rows
 * FiguresRepository.figuresOnDates gives for 'national'.
 */
@Injectable()
export class StoredFiguresRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Rows of each date, keyed by the date; missing dates computed in up to `batches` statements at once. */
  async nationalOnDates(
    dates: string[],
    service: Service | undefined,
    batches: number,
  ): Promise<Map<string, FigureRow[]>> {
    const byDate = await this.stored(dates, service);
    const missing = dates.filter((d) => byDate.get(d)!.length < (service ? 1 : SERVICES.length));
    const computed = await Promise.all(
      inBatches(missing, batches).map((batch) => this.computeAndStore(batch, service)),
    );
    // A missing date's computed rows replace what was found of it (some services only, if any).
    for (const d of missing) byDate.set(d, []);
    for (const r of computed.flat()) byDate.get(r.as_of)!.push(toFigureRow(r));
    return byDate;
  }

  private async stored(dates: string[], service: Service | undefined): Promise<Map<string, FigureRow[]>> {
    // The figures went in as to_jsonb of a statement's row: its counts and percentages come back as numbers.
    const rows = await selectRows<{ as_of: string; figures: FigureSqlRow<number> }>(this.db, READ_STORED, [
      STORED_FIGURES_DEFINITION,
      dates,
      service ?? null,
    ]);
    const byDate = new Map<string, FigureRow[]>(dates.map((d) => [d, []]));
    for (const r of rows) byDate.get(r.as_of)!.push(toFigureRow(r.figures));
    return byDate;
  }

  private computeAndStore(dates: string[], service: Service | undefined): Promise<DatedFigureSqlRow[]> {
    return this.db.transaction(async (m) => {
      await execute(m, `LOCK TABLE stored_figures_guard IN SHARE MODE`);
      return selectRows<DatedFigureSqlRow>(m, COMPUTE_AND_STORE, [dates, service ?? null, STORED_FIGURES_DEFINITION]);
    });
  }
}
