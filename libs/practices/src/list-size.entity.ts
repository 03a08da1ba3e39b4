import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RecordSource } from '@app/domain';
import { PracticeEntity } from './practice.entity';

/**
 * Registered patients at a practice from an effective date on. `valid_to` (the next entry's effective
 * date, or null for the latest) is kept by the write path so "list size on D" is a range lookup.
 */
@Entity('list_size')
@Index('list_size_practice_date_key', ['practiceId', 'effectiveDate'], { unique: true })
// GiST on daterange(effective_date, coalesce(valid_to, 'infinity')) for the figures, made by hand in the
// FigureIndexes and ListSizeRangeIndex migrations.
@Index('list_size_during_idx', { synchronize: false })
// The current list size (partial, INCLUDE patients) for sorting practices by size: PracticeSearchIndexes.
@Index('list_size_current_idx', { synchronize: false })
@Check('list_size_patients_range', `patients BETWEEN 0 AND 2000000`)
export class ListSizeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'list_size_pk' })
  id!: string;

  @Column({ name: 'practice_id', type: 'integer' })
  practiceId!: number;

  @ManyToOne(() => PracticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'list_size_practice_fk' })
  practice?: PracticeEntity;

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate!: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ type: 'integer' })
  patients!: number;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  @Column({ name: 'recorded_by', type: 'integer', nullable: true })
  recordedBy!: number | null;

  // By name: UserEntity lives in libs/people, which depends on this lib.
  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'list_size_recorded_by_fk' })
  recorder?: unknown;

  @Column({ type: 'enum', enum: RecordSource, enumName: 'record_source', default: RecordSource.Manual })
  source!: RecordSource;
}
