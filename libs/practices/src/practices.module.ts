import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { PracticesRepository } from './practices.repository';
import { PracticesService } from './practices.service';

@Module({
  imports: [AuditModule],
  providers: [PracticesRepository, PracticesService],
  exports: [PracticesService],
})
export class PracticesModule {}
