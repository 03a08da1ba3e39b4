import { Module } from '@nestjs/common';
import { PracticesModule } from '@app/practices';
import { StatusRepository } from './status.repository';
import { StatusService } from './status.service';

@Module({
  imports: [PracticesModule],
  providers: [StatusRepository, StatusService],
  exports: [StatusService],
})
export class StatusModule {}
