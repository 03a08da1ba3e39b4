import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, monthAfter, monthEnd } from '@app/domain';
import { MONTH_END_FIGURES, MonthEndFigures } from './month-end-figures';

/** Stores each month end's figures once (the job on the 1st; a second run keeps the first result). */
@Injectable()
export class SnapshotsService {
  private readonly logger = new Logger('MonthEndSnapshot');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(MONTH_END_FIGURES) private readonly figures: MonthEndFigures,
    private readonly clock: Clock,
  ) {}

  /** The month that ended before today's month began. */
  previousMonthEnd(today = this.clock.today()): string {
    return monthEnd(monthAfter(today, -1));
  }

  async captureMonthEnd(monthEndDate = this.previousMonthEnd()): Promise<{ monthEnd: string; stored: boolean }> {
    const exists = await this.db.query<unknown[]>(`SELECT 1 FROM month_end_snapshot WHERE month_end = $1`, [
      monthEndDate,
    ]);
    if (exists.length) return { monthEnd: monthEndDate, stored: false };
    const figures = await this.figures.compute(monthEndDate);
    const rows = await this.db.query<unknown[]>(
      `INSERT INTO month_end_snapshot (month_end, figures) VALUES ($1, $2) ON CONFLICT (month_end) DO NOTHING
       RETURNING month_end`,
      [monthEndDate, JSON.stringify(figures)],
    );
    this.logger.log(`Month-end snapshot for ${monthEndDate}: ${rows.length ? 'stored' : 'already there'}`);
    return { monthEnd: monthEndDate, stored: rows.length > 0 };
  }

  async get(monthEndDate: string): Promise<{ monthEnd: string; figures: object; computedAt: Date } | undefined> {
    const rows = await this.db.query<{ monthEnd: string; figures: object; computedAt: Date }[]>(
      `SELECT month_end::text AS "monthEnd", figures, computed_at AS "computedAt" FROM month_end_snapshot
       WHERE month_end = $1`,
      [monthEndDate],
    );
    return rows[0];
  }
}
