import { Module } from '@nestjs/common';
import { OutboxModule } from '@app/jobs';
import { PracticesModule } from '@app/practices';
import { StatusRepository } from './status.repository';
import { StatusService } from './status.service';

@Module({
  imports: [PracticesModule, OutboxModule],
  providers: [StatusRepository, StatusService],
  exports: [StatusService],
})
export class StatusModule {}
