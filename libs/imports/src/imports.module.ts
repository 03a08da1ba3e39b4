import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { OutboxModule } from '@app/jobs';
import { StatusRepository } from '@app/status';
import { IMPORT_COMPLETED_HOOK } from './import-completed.hook';
import { FollowUpSweepAfterImport } from './follow-up-sweep.hook';
import { ImportFileStore } from './import-file.store';
import { ImportRunner } from './import-runner.service';
import { ImportRunsRepository } from './import-runs.repository';
import { ImportsService } from './imports.service';
import { ApplyRepository } from './load/apply.repository';
import { StageRepository } from './load/stage.repository';

/**
 * Imports of NHS files. A run asks for its job through the outbox, so this module needs no Redis (the
 * worker's ImportsProcessor runs the job). The status repository is used for the bulk span upkeep it
 * offers to importers (`rebuildSpansForServices`), inside the import's transaction.
 */
@Module({
  imports: [AuditModule, OutboxModule],
  providers: [
    ImportsService,
    ImportRunner,
    ImportRunsRepository,
    StageRepository,
    ApplyRepository,
    ImportFileStore,
    StatusRepository,
    { provide: IMPORT_COMPLETED_HOOK, useClass: FollowUpSweepAfterImport },
  ],
  exports: [ImportsService, ImportFileStore],
})
export class ImportsModule {}
