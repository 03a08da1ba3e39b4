import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, monthAfter, monthEnd } from '@app/domain';
import { MONTH_END_FIGURES, MonthEndFigures } from './month-end-figures';
import { MonthEndSnapshotRow, SnapshotsRepository } from './snapshots.repository';

/** Stores each month end's figures once (the job on the 1st; a second run keeps the first result). */
@Injectable()
export class SnapshotsService {
  private readonly logger = new Logger('MonthEndSnapshot');

  constructor(
    private readonly snapshots: SnapshotsRepository,
    @Inject(MONTH_END_FIGURES) private readonly figures: MonthEndFigures,
    private readonly clock: Clock,
  ) {}

  /** The month that ended before today's month began. */
  previousMonthEnd(today = this.clock.today()): string {
    return monthEnd(monthAfter(today, -1));
  }

  async captureMonthEnd(monthEndDate = this.previousMonthEnd()): Promise<{ monthEnd: string; stored: boolean }> {
    if (await this.snapshots.has(monthEndDate)) return { monthEnd: monthEndDate, stored: false };
    const figures = await this.figures.compute(monthEndDate);
    const stored = await this.snapshots.insert(monthEndDate, figures);
    this.logger.log(`Month-end snapshot for ${monthEndDate}: ${stored ? 'stored' : 'already there'}`);
    return { monthEnd: monthEndDate, stored };
  }

  get(monthEndDate: string): Promise<MonthEndSnapshotRow | undefined> {
    return this.snapshots.get(monthEndDate);
  }
}
