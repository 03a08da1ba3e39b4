import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Work a committed write asks of the worker ("evaluate the follow-up rule for practice P"). Written in
 * the write's own transaction, so an acknowledged write never loses its job even when Redis is down;
 * the worker's relay moves pending rows into the queues and stamps dispatched_at.
 */
@Entity('outbox')
@Index('outbox_pending_idx', ['id'], { where: 'dispatched_at IS NULL' })
export class OutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'outbox_pk' })
  id!: string;

  /** The job name (JobName). */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'jsonb' })
  payload!: object;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  /** Failed relay attempts (Redis refused or timed out), with the last error, for operators. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
