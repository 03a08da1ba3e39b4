import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { OutboxModule } from '@app/jobs';
import { PracticesRepository } from './practices.repository';
import { PracticesService } from './practices.service';
import { RegionEntity } from './region.entity';
import { AreaTeamEntity } from './area-team.entity';
import { CcgEntity } from './ccg.entity';
import { PracticeEntity } from './practice.entity';
import { ClinicalSystemReportEntity } from './clinical-system-report.entity';
import { ListSizeEntity } from './list-size.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      RegionEntity,
      AreaTeamEntity,
      CcgEntity,
      PracticeEntity,
      ClinicalSystemReportEntity,
      ListSizeEntity,
    ]),
    AuditModule,
    OutboxModule,
  ],
  providers: [PracticesRepository, PracticesService],
  exports: [PracticesService],
})
export class PracticesModule {}
