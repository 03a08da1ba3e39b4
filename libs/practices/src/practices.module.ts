import { Module } from '@nestjs/common';
import { PracticesRepository } from './practices.repository';
import { PracticesService } from './practices.service';

@Module({
  providers: [PracticesRepository, PracticesService],
  exports: [PracticesService],
})
export class PracticesModule {}
