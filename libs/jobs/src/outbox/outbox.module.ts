import { Module } from '@nestjs/common';
import { OutboxRepository } from './outbox.repository';
import { Outbox } from './outbox.service';

/** The outbox writer, for any feature whose writes need a job. No Redis involved. */
@Module({
  providers: [OutboxRepository, Outbox],
  exports: [Outbox],
})
export class OutboxModule {}
