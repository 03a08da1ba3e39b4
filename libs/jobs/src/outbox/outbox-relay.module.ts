import { Module } from '@nestjs/common';
import { QueuesModule } from '../bull/queues.module';
import { OutboxRelay } from './outbox-relay';
import { OutboxRepository } from './outbox.repository';

/** The relay from the outbox into the queues: for the worker only. */
@Module({
  imports: [QueuesModule],
  providers: [OutboxRepository, OutboxRelay],
  exports: [OutboxRelay],
})
export class OutboxRelayModule {}
