import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobName, JobPayloads } from '../jobs.constants';
import { OutboxRepository } from './outbox.repository';

/**
 * How a write asks for a job: `outbox.add(m, JobName.X, payload)` inside its own transaction. Never
 * touches Redis, so a request succeeds while Redis is down and the job follows once it is back.
 */
@Injectable()
export class Outbox {
  constructor(private readonly repo: OutboxRepository) {}

  add<J extends JobName>(m: EntityManager, job: J, payload: JobPayloads[J]): Promise<void> {
    return this.repo.add(m, job, [payload]);
  }

  addMany<J extends JobName>(m: EntityManager, job: J, payloads: JobPayloads[J][]): Promise<void> {
    return this.repo.add(m, job, payloads);
  }
}
