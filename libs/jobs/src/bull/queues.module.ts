import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { JobQueues, JobRunner } from '../job-queues';
import { QUEUE_NAMES } from '../jobs.constants';
import { bullRootOptions } from '../bull-root';
import { BullJobQueues } from './bull-job-queues';
import { BullJobRunner } from './bull-job-runner';

/**
 * The Bull queues (producer side for the worker's relay and the API's monitoring; consumer side for the
 * worker). Importing this module opens Redis connections: the API's request paths never use it.
 */
@Module({
  imports: [
    BullModule.forRootAsync({ inject: [AppConfig], useFactory: bullRootOptions }),
    BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name }))),
  ],
  providers: [
    BullJobQueues,
    BullJobRunner,
    { provide: JobQueues, useExisting: BullJobQueues },
    { provide: JobRunner, useExisting: BullJobRunner },
  ],
  exports: [JobQueues, JobRunner, BullJobQueues],
})
export class QueuesModule {}
