import { Module } from '@nestjs/common';
import { FiguresRepository } from './figures.repository';
import { FiguresService } from './figures.service';

@Module({
  providers: [FiguresRepository, FiguresService],
  exports: [FiguresService],
})
export class FiguresModule {}
