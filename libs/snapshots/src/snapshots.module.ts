import { Module } from '@nestjs/common';
import { FiguresModule, FiguresService } from '@app/figures';
import { MONTH_END_FIGURES, monthEndFiguresFrom } from './month-end-figures';
import { SnapshotsRepository } from './snapshots.repository';
import { SnapshotsService } from './snapshots.service';

@Module({
  imports: [FiguresModule],
  providers: [
    { provide: MONTH_END_FIGURES, inject: [FiguresService], useFactory: monthEndFiguresFrom },
    SnapshotsRepository,
    SnapshotsService,
  ],
  exports: [SnapshotsService],
})
export class SnapshotsModule {}
