import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, instantAtLocalHour } from '@app/domain';
import { AppConfig } from '@app/config';
import { JobQueues } from '../job-queues';
import { followUpDueJobId, FollowUpDuePayload, JobName, outboxJobId } from '../jobs.constants';
import { withTimeout } from '../with-timeout';
import { OutboxRepository, OutboxRow } from './outbox.repository';

const ADD_TIMEOUT_MS = 5000;
const KEEP_DISPATCHED_MS = 7 * 24 * 3600 * 1000;
const PURGE_EVERY_MS = 3600 * 1000;
/** How often the relay asks whether Redis still holds what it was given (one EXISTS). */
const RECOVERY_CHECK_MS = 5000;

/**
 * Moves outbox rows into the queues (runs in the worker). Each poll locks a batch of pending rows
 * (SKIP LOCKED, so several workers share the work), adds one job per row with a deterministic job id,
 * and marks the rows dispatched in the same transaction. If the process dies between adding and
 * committing, the rows are relayed again and the job id (or the handler's idempotence) absorbs it.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wake?: () => void;
  private lastPurge = 0;
  private lastWarning = 0;
  private lastRecoveryCheck = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: OutboxRepository,
    private readonly queues: JobQueues,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Polls every OUTBOX_POLL_MS until stop(); a full batch is followed at once by the next. */
  start(): void {
    if (this.running || this.config.OUTBOX_POLL_MS === 0) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Lets the batch in hand finish, then returns. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loopDone;
  }

  /** One batch; returns how many rows were relayed. Exposed for tests and for draining on demand. */
  async relayOnce(): Promise<number> {
    // While Redis is away Bull would queue the commands in memory and hang: wait for the next poll instead.
    if (!this.queues.isConnected()) return 0;
    return this.db.transaction(async (m) => {
      const rows = await this.repo.claim(m, this.config.OUTBOX_BATCH_SIZE);
      const sent: string[] = [];
      for (const row of rows) {
        try {
          await withTimeout(
            this.dispatch(row),
            ADD_TIMEOUT_MS,
            `Adding job ${row.kind} for outbox row ${row.id} did not finish`,
          );
          sent.push(row.id);
        } catch (err) {
          await this.repo.noteFailure(m, row.id, (err as Error).message);
          this.warn(`Outbox row ${row.id} (${row.kind}) not relayed yet: ${(err as Error).message}`, err);
          if (!this.queues.isConnected()) break;
        }
      }
      await this.repo.markDispatched(m, sent);
      return sent.length;
    });
  }

  /** Relays until nothing is pending (tests, and draining before a shutdown). */
  async drain(): Promise<number> {
    let total = 0;
    for (let moved = await this.relayOnce(); moved > 0; moved = await this.relayOnce()) total += moved;
    return total;
  }

  private async dispatch(row: OutboxRow): Promise<void> {
    if (row.kind === JobName.FollowUpDue) return this.scheduleDue(row.payload as FollowUpDuePayload);
    await this.queues.add(row.kind, row.payload as never, { jobId: outboxJobId(row.id) });
  }

  /** A follow-up's due job fires at FOLLOW_UP_DUE_HOUR on its due date; moving the date removes the old one. */
  private async scheduleDue(p: FollowUpDuePayload): Promise<void> {
    if (p.previousDueDate && p.previousDueDate !== p.dueDate) {
      await this.queues.remove(JobName.FollowUpDue, followUpDueJobId(p.followUpId, p.previousDueDate));
    }
    const fireAt = instantAtLocalHour(p.dueDate, this.config.FOLLOW_UP_DUE_HOUR, this.config.APP_TIME_ZONE);
    await this.queues.add(
      JobName.FollowUpDue,
      { followUpId: p.followUpId, dueDate: p.dueDate },
      {
        jobId: followUpDueJobId(p.followUpId, p.dueDate),
        delayMs: fireAt.getTime() - this.clock.now().getTime(),
      },
    );
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let moved = 0;
      try {
        if (Date.now() - this.lastRecoveryCheck >= RECOVERY_CHECK_MS) {
          this.lastRecoveryCheck = Date.now();
          await this.recoverLostJobs();
        }
        moved = await this.relayOnce();
        await this.purgeNow();
      } catch (err) {
        this.warn(`Outbox relay failed: ${(err as Error).message}`, err);
      }
      if (moved < this.config.OUTBOX_BATCH_SIZE && this.running) await this.sleep(this.config.OUTBOX_POLL_MS);
    }
  }

  private async purgeNow(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    await this.db.transaction((m) =>
      this.repo.deleteDispatchedBefore(m, new Date(now - KEEP_DISPATCHED_MS), this.clock.today()),
    );
  }

  /**
   * When Redis has lost its data (a restart without persistence, a flush), the jobs already relayed are
   * gone with it, though their rows say dispatched: put every kept row back to pending (the relay adds
   * them again; handlers are idempotent), then mark Redis so it is done once. Also on the first start
   * against a Redis never marked, which replays the kept rows once, harmlessly.
   */
  async recoverLostJobs(): Promise<number> {
    if (!this.queues.isConnected() || (await this.queues.keepsState())) return 0;
    const count = await this.db.transaction((m) => this.repo.redispatchKept(m));
    await this.queues.markState();
    if (count) this.logger.warn(`Redis holds none of the jobs relayed before: ${count} outbox rows queued again`);
    return count;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** At most one warning a minute: an outage must not flood the log. */
  private warn(message: string, err: unknown): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn({ err }, message);
  }
}
