import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Level, RecordSource, Service } from '@app/domain';
import { PracticeEntity } from '@app/practices';

/**
 * An append-only fact: "service S at practice P was at level L from date D", learnt at recorded_at.
 * A database trigger (see the migration) refuses UPDATE and DELETE; corrections are new events.
 */
@Entity('status_event')
// (practice_id, service, effective_date, recorded_at, id) INCLUDE (level) and (recorded_at) INCLUDE
// (practice_id, service, effective_date): made by hand (INCLUDE), migration StatusEventRecordedIndex.
@Index('status_event_history_idx', { synchronize: false })
@Index('status_event_recorded_idx', { synchronize: false })
export class StatusEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'status_event_pk' })
  id!: string;

  @Column({ name: 'practice_id', type: 'integer' })
  practiceId!: number;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'status_event_practice_fk' })
  practice?: PracticeEntity;

  @Column({ type: 'enum', enum: Service, enumName: 'service' })
  service!: Service;

  @Column({ type: 'enum', enum: Level, enumName: 'service_level' })
  level!: Level;

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  recordedAt!: Date;

  @Column({ name: 'recorded_by', type: 'integer', nullable: true })
  recordedBy!: number | null;

  // By name: UserEntity lives in libs/people, which depends on libs/practices.
  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'status_event_recorded_by_fk' })
  recorder?: unknown;

  @Column({ type: 'enum', enum: RecordSource, enumName: 'record_source', default: RecordSource.Manual })
  source!: RecordSource;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
