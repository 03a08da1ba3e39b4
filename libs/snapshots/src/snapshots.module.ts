import { Module } from '@nestjs/common';
import { CountingMonthEndFigures, MONTH_END_FIGURES } from './month-end-figures';
import { SnapshotsService } from './snapshots.service';

@Module({
  // The lead replaces useClass with FiguresService (adapting summary(asOf) to compute(asOf)).
  providers: [{ provide: MONTH_END_FIGURES, useClass: CountingMonthEndFigures }, SnapshotsService],
  exports: [SnapshotsService],
})
export class SnapshotsModule {}
