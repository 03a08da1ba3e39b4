import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobName, Outbox } from '@app/jobs';
import type { ImportCompletedHook } from './import-completed.hook';

/**
 * After an import that changed practices, the follow-up rule runs for everyone through one sweep job,
 * asked for in the import's own transaction (an outbox row): cheaper than a job per practice for a
 * file of thousands, and lost neither when Redis is down nor when the import rolls back.
 */
@Injectable()
export class FollowUpSweepAfterImport implements ImportCompletedHook {
  constructor(private readonly outbox: Outbox) {}

  async afterImport(manager: EntityManager, practiceIds: number[]): Promise<void> {
    if (practiceIds.length) await this.outbox.add(manager, JobName.SweepFollowUps, { reason: 'import' });
  }
}
