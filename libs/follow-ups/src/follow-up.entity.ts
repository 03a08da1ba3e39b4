import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Service } from '@app/domain';
import { PracticeEntity } from '@app/practices';
import { FollowUpState } from './follow-ups.enums';

/**
 * Work with one practice that does not yet offer some services. At most one per practice is active
 * (not resolved or cancelled): the partial unique index states the rule and makes concurrent creation safe.
 * User ids (owner, closed_by, created_by) reference app_user (migration UserReferences); an owner is an active
 * admin or support user who may write in the practice's region (FollowUpsService.assignOwner).
 */
@Entity('follow_up')
@Index('follow_up_active_practice_key', ['practiceId'], {
  unique: true,
  where: `state IN ('open', 'contacted', 'barriers_recorded')`,
})
@Index('follow_up_active_due_idx', ['dueDate'], { where: `state IN ('open', 'contacted', 'barriers_recorded')` })
@Index('follow_up_owner_idx', ['ownerId', 'dueDate'])
@Index('follow_up_practice_idx', ['practiceId'])
@Check('follow_up_services_not_empty', `cardinality(services_not_offered) > 0`)
@Check(
  'follow_up_closed_has_note',
  `state IN ('open', 'contacted', 'barriers_recorded') OR (closed_at IS NOT NULL AND close_note IS NOT NULL)`,
)
export class FollowUpEntity {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'follow_up_pk' })
  id!: number;

  @Column({ name: 'practice_id', type: 'integer' })
  practiceId!: number;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'follow_up_practice_fk' })
  practice?: PracticeEntity;

  @Column({ name: 'services_not_offered', type: 'enum', enum: Service, enumName: 'service', array: true })
  servicesNotOffered!: Service[];

  @Column({ name: 'owner_id', type: 'integer', nullable: true })
  ownerId!: number | null;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'follow_up_owner_fk' })
  owner?: unknown;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ type: 'enum', enum: FollowUpState, enumName: 'follow_up_state', default: FollowUpState.Open })
  state!: FollowUpState;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  createdBy!: number | null;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'follow_up_created_by_fk' })
  creator?: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** Null when closed by the follow-up rule itself. */
  @Column({ name: 'closed_by', type: 'integer', nullable: true })
  closedBy!: number | null;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'closed_by', foreignKeyConstraintName: 'follow_up_closed_by_fk' })
  closer?: unknown;

  /** Why it was resolved or cancelled (required for both). */
  @Column({ name: 'close_note', type: 'text', nullable: true })
  closeNote!: string | null;
}
