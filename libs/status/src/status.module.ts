import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { OutboxModule } from '@app/jobs';
import { PracticesModule } from '@app/practices';
import { StatusRepository } from './status.repository';
import { StatusService } from './status.service';

@Module({
  imports: [PracticesModule, AuditModule, OutboxModule],
  providers: [StatusRepository, StatusService],
  exports: [StatusService],
})
export class StatusModule {}
