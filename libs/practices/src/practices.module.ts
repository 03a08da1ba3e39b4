import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { OutboxModule } from '@app/jobs';
import { PracticesRepository } from './practices.repository';
import { PracticesService } from './practices.service';

@Module({
  imports: [AuditModule, OutboxModule],
  providers: [PracticesRepository, PracticesService],
  exports: [PracticesService],
})
export class PracticesModule {}
