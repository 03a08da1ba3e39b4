import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { IMPORTS_QUEUE, OutboxModule } from '@app/jobs';
import { StatusRepository } from '@app/status';
import { IMPORT_COMPLETED_HOOK } from './import-completed.hook';
import { FollowUpSweepAfterImport } from './follow-up-sweep.hook';
import { ImportFileStore } from './import-file.store';
import { ImportRunner } from './import-runner.service';
import { ImportRunsRepository } from './import-runs.repository';
import { ImportsService } from './imports.service';
import { BullImportQueue, ImportQueue } from './import.queue';
import { ApplyRepository } from './load/apply.repository';
import { StageRepository } from './load/stage.repository';
import { ImportRunEntity } from './import-run.entity';
import { OnsCcgCodeEntity } from './ons-ccg-code.entity';

/**
 * Imports of NHS files. Needs `BullModule.forRoot…` in the application (the API and the worker have it).
 * The status repository is used for the bulk span upkeep it offers to importers
 * (`rebuildSpansForServices`), inside the import's transaction.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ImportRunEntity, OnsCcgCodeEntity]),
    BullModule.registerQueue({ name: IMPORTS_QUEUE }),
    AuditModule,
    OutboxModule,
  ],
  providers: [
    ImportsService,
    ImportRunner,
    ImportRunsRepository,
    StageRepository,
    ApplyRepository,
    ImportFileStore,
    StatusRepository,
    { provide: ImportQueue, useClass: BullImportQueue },
    { provide: IMPORT_COMPLETED_HOOK, useClass: FollowUpSweepAfterImport },
  ],
  exports: [ImportsService, ImportFileStore],
})
export class ImportsModule {}
