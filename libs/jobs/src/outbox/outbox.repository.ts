import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { changedRows, execute, selectRows } from '@app/database';
import { JobName, JobPayloads } from '../jobs.constants';

export interface OutboxRow {
  id: string;
  kind: JobName;
  payload: JobPayloads[JobName];
}

/** All SQL of the outbox. Every method runs on the caller's transaction. */
@Injectable()
export class OutboxRepository {
  async add<J extends JobName>(m: EntityManager, kind: J, payloads: JobPayloads[J][]): Promise<void> {
    if (!payloads.length) return;
    await execute(m, `INSERT INTO outbox (kind, payload) SELECT $1, p FROM unnest($2::jsonb[]) AS p`, [
      kind,
      payloads.map((p) => JSON.stringify(p)),
    ]);
  }

  /**
   * The oldest pending rows, locked until the caller's transaction ends. SKIP LOCKED lets several
   * worker processes relay side by side, each taking rows no other one holds.
   */
  claim(m: EntityManager, limit: number): Promise<OutboxRow[]> {
    return selectRows<OutboxRow>(
      m,
      `SELECT id::text AS id, kind, payload FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $1
       FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markDispatched(m: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await execute(m, `UPDATE outbox SET dispatched_at = clock_timestamp() WHERE id = ANY($1::bigint[])`, [ids]);
  }

  async noteFailure(m: EntityManager, id: string, error: string): Promise<void> {
    await execute(m, `UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
      id,
      error.slice(0, 2000),
    ]);
  }

  /**
   * Housekeeping: relayed rows are only history once their jobs have run, except a due reminder whose
   * date has not come yet: its delayed job lives in Redis alone until then (see redispatchKept).
   */
  async deleteDispatchedBefore(m: EntityManager, before: Date, today: string): Promise<number> {
    const { count } = await changedRows<never>(
      m,
      `DELETE FROM outbox WHERE dispatched_at < $1 AND NOT (kind = $2 AND (payload->>'dueDate')::date >= $3::date)`,
      [before, JobName.FollowUpDue, today],
    );
    return count;
  }

  /**
   * Redis lost its jobs: every row still kept goes back to pending, so the relay adds its job again.
   * Every handler is idempotent (and re-checks state), so a job that had already run does nothing more;
   * rows go again in id order, so a moved due date still ends on its latest date.
   */
  async redispatchKept(m: EntityManager): Promise<number> {
    const { count } = await changedRows<never>(
      m,
      `UPDATE outbox SET dispatched_at = NULL WHERE dispatched_at IS NOT NULL`,
    );
    return count;
  }
}
