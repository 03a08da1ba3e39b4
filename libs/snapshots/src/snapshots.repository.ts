import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { exists, selectOne, selectRows } from '@app/database';

/** A month end's stored figures, as the API and the job read them. */
export interface MonthEndSnapshotRow {
  monthEnd: string;
  figures: object;
  computedAt: Date;
}

/** All SQL of the month-end snapshots. */
@Injectable()
export class SnapshotsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  has(monthEnd: string): Promise<boolean> {
    return exists(this.db, `SELECT 1 FROM month_end_snapshot WHERE month_end = $1`, [monthEnd]);
  }

  /** Stores the month end's figures unless a concurrent run stored them first; true when this call did. */
  async insert(monthEnd: string, figures: object): Promise<boolean> {
    const rows = await selectRows<{ month_end: string }>(
      this.db,
      `INSERT INTO month_end_snapshot (month_end, figures) VALUES ($1, $2) ON CONFLICT (month_end) DO NOTHING
       RETURNING month_end`,
      [monthEnd, JSON.stringify(figures)],
    );
    return rows.length > 0;
  }

  get(monthEnd: string): Promise<MonthEndSnapshotRow | undefined> {
    return selectOne<MonthEndSnapshotRow>(
      this.db,
      `SELECT month_end::text AS "monthEnd", figures, computed_at AS "computedAt" FROM month_end_snapshot
       WHERE month_end = $1`,
      [monthEnd],
    );
  }
}
