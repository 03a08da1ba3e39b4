import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxRepository } from './outbox.repository';
import { Outbox } from './outbox.service';
import { OutboxEntity } from './outbox.entity';

/** The outbox writer, for any feature whose writes need a job. No Redis involved. */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEntity])],
  providers: [OutboxRepository, Outbox],
  exports: [Outbox],
})
export class OutboxModule {}
