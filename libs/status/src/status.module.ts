import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PracticesModule } from '@app/practices';
import { StatusRepository } from './status.repository';
import { StatusService } from './status.service';
import { StatusEventEntity } from './status-event.entity';
import { StatusSpanEntity } from './status-span.entity';

@Module({
  imports: [TypeOrmModule.forFeature([StatusEventEntity, StatusSpanEntity]), PracticesModule],
  providers: [StatusRepository, StatusService],
  exports: [StatusService],
})
export class StatusModule {}
