import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Service } from '@app/domain';
import { BarrierCategory } from './follow-ups.enums';
import { FollowUpEntity } from './follow-up.entity';

/** What the practice says stops it offering a service. */
@Entity('follow_up_barrier')
@Index('follow_up_barrier_follow_up_idx', ['followUpId'])
@Index('follow_up_barrier_report_idx', ['recordedAt', 'service', 'category'])
@Check('follow_up_barrier_other_has_detail', `category <> 'other' OR length(btrim(detail)) > 0`)
export class FollowUpBarrierEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'follow_up_barrier_pk' })
  id!: string;

  @Column({ name: 'follow_up_id', type: 'integer' })
  followUpId!: number;

  @ManyToOne(() => FollowUpEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'follow_up_id', foreignKeyConstraintName: 'follow_up_barrier_follow_up_fk' })
  followUp?: FollowUpEntity;

  @Column({ type: 'enum', enum: Service, enumName: 'service' })
  service!: Service;

  @Column({ type: 'enum', enum: BarrierCategory, enumName: 'barrier_category' })
  category!: BarrierCategory;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  @Column({ name: 'recorded_by', type: 'integer', nullable: true })
  recordedBy!: number | null;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'follow_up_barrier_recorded_by_fk' })
  recorder?: unknown;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
