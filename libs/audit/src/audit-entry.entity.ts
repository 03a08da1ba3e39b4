import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change and who made it, written in the transaction of the change itself, so a change is never
 * without its entry and an entry never outlives a rolled-back change. Append-only (a trigger refuses
 * UPDATE and DELETE). `user_id` null means the system (an import, a job, the first-admin set-up).
 */
@Entity('audit_entry')
@Index('audit_entry_entity_idx', ['entityType', 'entityId', 'at'])
@Index('audit_entry_user_idx', ['userId', 'at'])
@Index('audit_entry_at_idx', ['at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'audit_entry_pk' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at!: Date;

  @Column({ name: 'user_id', type: 'integer', nullable: true })
  userId!: number | null;

  // By name, not class: libs/people depends on this lib, so importing UserEntity here would be circular.
  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'audit_entry_user_fk' })
  user?: unknown;

  /** `<entity>.<verb>`, e.g. `practice.create`, `status.record`, `user.deactivate`. */
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  /** What the entry is about, as a reader looks it up: `practice` (by ODS code), `region`, `ccg`, `user` (by id). */
  @Column({ name: 'entity_type', type: 'varchar', length: 32 })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  entityId!: string;

  /** What changed: the new values, or `{field: {from, to}}` for edits. Never a password or token. */
  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;
}
