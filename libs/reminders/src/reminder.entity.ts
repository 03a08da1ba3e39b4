import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ReminderKind } from './reminders.enums';

/**
 * A message for one user, shown in the app (GET /me/reminders) and e-mailed when SMTP is configured.
 * (user_id, kind, dedupe_key) is unique, so a job that runs twice (at-least-once delivery) stores one
 * reminder: a digest's key is its date, a due reminder's key is its follow-up and due date.
 * user_id references app_user (migration UserReferences).
 */
@Entity('reminder')
@Index('reminder_dedupe_key', ['userId', 'kind', 'dedupeKey'], { unique: true })
@Index('reminder_user_created_idx', ['userId', 'createdAt'])
export class ReminderEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'reminder_pk' })
  id!: string;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'reminder_user_fk' })
  user?: unknown;

  @Column({ type: 'enum', enum: ReminderKind, enumName: 'reminder_kind' })
  kind!: ReminderKind;

  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey!: string;

  @Column({ type: 'text' })
  subject!: string;

  /** Plain text, as e-mailed. */
  @Column({ type: 'text' })
  body!: string;

  /** The same content, structured (e.g. the follow-ups listed), for the UI. */
  @Column({ type: 'jsonb' })
  payload!: object;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  /** Set once the e-mail went out: a repeated e-mail job then sends nothing. */
  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt!: Date | null;
}
