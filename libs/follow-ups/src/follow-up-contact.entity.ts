import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ContactMethod } from './follow-ups.enums';
import { FollowUpEntity } from './follow-up.entity';

/** One attempt to reach the practice; kept for good (the contact history). */
@Entity('follow_up_contact')
@Index('follow_up_contact_follow_up_idx', ['followUpId', 'contactedAt'])
export class FollowUpContactEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'follow_up_contact_pk' })
  id!: string;

  @Column({ name: 'follow_up_id', type: 'integer' })
  followUpId!: number;

  @ManyToOne(() => FollowUpEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'follow_up_id', foreignKeyConstraintName: 'follow_up_contact_follow_up_fk' })
  followUp?: FollowUpEntity;

  @Column({ name: 'contacted_at', type: 'timestamptz' })
  contactedAt!: Date;

  @Column({ type: 'enum', enum: ContactMethod, enumName: 'contact_method' })
  method!: ContactMethod;

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ name: 'recorded_by', type: 'integer', nullable: true })
  recordedBy!: number | null;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'follow_up_contact_recorded_by_fk' })
  recorder?: unknown;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
