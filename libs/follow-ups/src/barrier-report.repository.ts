import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { exists, selectRows } from '@app/database';
import { Service } from '@app/domain';
import type { BarrierReportRowDto, BarrierReportTotalDto } from './barrier-report.dto';

export interface BarrierFilter {
  service: Service | null;
  from: string | null;
  to: string | null;
  timeZone: string;
  regionCode: string | null;
  ccgCode: string | null;
}

/**
 * Barriers recorded in [from, to] (calendar dates in the app's time zone, either end open): from
 * 00:00 on `from` to 00:00 the day after `to`, as instants, so the recorded_at index applies.
 * $1 service, $2 from, $3 to, $4 time zone, $5 region, $6 CCG (the practice's now; null: any).
 */
const FILTERED = `
  FROM follow_up_barrier b JOIN follow_up f ON f.id = b.follow_up_id
  WHERE ($1::service IS NULL OR b.service = $1::service)
    AND ($2::date IS NULL OR b.recorded_at >= $2::date::timestamp AT TIME ZONE $4)
    AND ($3::date IS NULL OR b.recorded_at < ($3::date + 1)::timestamp AT TIME ZONE $4)
    AND ($5::text IS NULL OR EXISTS (
      SELECT 1 FROM practice ap JOIN ccg ac ON ac.code = ap.ccg_code
      WHERE ap.id = f.practice_id AND ac.region_code = $5))
    AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM practice ap WHERE ap.id = f.practice_id AND ap.ccg_code = $6))`;

/** The SQL of the barrier report: practices reporting each barrier, by service. */
@Injectable()
export class BarrierReportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // The counts are cast to int in SQL, so the rows have the DTOs' shape as they come.
  byCategory(f: BarrierFilter): Promise<BarrierReportRowDto[]> {
    return selectRows<BarrierReportRowDto>(
      this.db,
      `SELECT b.service, b.category, count(DISTINCT f.practice_id)::int AS practices, count(*)::int AS barriers
       ${FILTERED}
       GROUP BY b.service, b.category
       ORDER BY b.service, practices DESC, b.category`,
      this.params(f),
    );
  }

  byRegion(f: BarrierFilter): Promise<BarrierReportRowDto[]> {
    return selectRows<BarrierReportRowDto>(
      this.db,
      `SELECT r.code AS "regionCode", r.name AS "regionName", b.service, b.category,
              count(DISTINCT f.practice_id)::int AS practices, count(*)::int AS barriers
       ${FILTERED.replace(
         'WHERE',
         `JOIN practice p ON p.id = f.practice_id JOIN ccg c ON c.code = p.ccg_code
          JOIN region r ON r.code = c.region_code
  WHERE`,
       )}
       GROUP BY r.code, r.name, b.service, b.category
       ORDER BY r.code, b.service, practices DESC, b.category`,
      this.params(f),
    );
  }

  /** Practices reporting any barrier per service (a practice with two categories counts once here). */
  totals(f: BarrierFilter): Promise<BarrierReportTotalDto[]> {
    return selectRows<BarrierReportTotalDto>(
      this.db,
      `SELECT b.service, count(DISTINCT f.practice_id)::int AS practices ${FILTERED} GROUP BY b.service
       ORDER BY b.service`,
      this.params(f),
    );
  }

  regionExists(code: string): Promise<boolean> {
    return exists(this.db, `SELECT 1 FROM region WHERE code = $1`, [code]);
  }

  ccgExists(code: string): Promise<boolean> {
    return exists(this.db, `SELECT 1 FROM ccg WHERE code = $1`, [code]);
  }

  private params(f: BarrierFilter): unknown[] {
    return [f.service, f.from, f.to, f.timeZone, f.regionCode, f.ccgCode];
  }
}
