import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RecordSource } from '@app/domain';
import { PracticeEntity } from './practice.entity';

/**
 * When the practice's clinical system was last stated: a POMI file's period end (source import) or the
 * day it was set through the API (manual). An import takes a file's supplier only when the file is not
 * older than this, so an old file imported late does not undo a newer supplier.
 */
@Entity('clinical_system_report')
export class ClinicalSystemReportEntity {
  @PrimaryColumn({ name: 'practice_id', type: 'integer', primaryKeyConstraintName: 'clinical_system_report_pk' })
  practiceId!: number;

  @ManyToOne(() => PracticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'clinical_system_report_practice_fk' })
  practice?: PracticeEntity;

  @Column({ name: 'as_of', type: 'date' })
  asOf!: string;

  @Column({ type: 'enum', enum: RecordSource, enumName: 'record_source' })
  source!: RecordSource;
}
