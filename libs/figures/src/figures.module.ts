import { Module } from '@nestjs/common';
import { FiguresRepository } from './figures.repository';
import { FiguresService } from './figures.service';
import { StoredFiguresRepository } from './stored-figures.repository';

@Module({
  providers: [FiguresRepository, StoredFiguresRepository, FiguresService],
  exports: [FiguresService],
})
export class FiguresModule {}
