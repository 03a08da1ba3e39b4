import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Level, Service } from '@app/domain';

/**
 * Derived from status_event (never written by hand): the level of a service at a practice over
 * [valid_from, valid_to), using everything known now. Rebuilt for one practice and service inside the
 * transaction of every status write. The open span (valid_to null) is the current status, since future
 * effective dates are refused. Figures read this table by date range instead of ranking all events.
 */
@Entity('status_span')
@Index('status_span_current_key', ['practiceId', 'service'], { unique: true, where: 'valid_to IS NULL' })
@Index('status_span_current_level_idx', ['service', 'level'], { where: 'valid_to IS NULL' })
// GiST on (service, daterange(valid_from, valid_to)) for the figures, made by hand in the FigureIndexes migration.
@Index('status_span_during_idx', { synchronize: false })
export class StatusSpanEntity {
  @PrimaryColumn({ name: 'practice_id', type: 'integer', primaryKeyConstraintName: 'status_span_pk' })
  practiceId!: number;

  @PrimaryColumn({ type: 'enum', enum: Service, enumName: 'service', primaryKeyConstraintName: 'status_span_pk' })
  service!: Service;

  @PrimaryColumn({ name: 'valid_from', type: 'date', primaryKeyConstraintName: 'status_span_pk' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ type: 'enum', enum: Level, enumName: 'service_level' })
  level!: Level;

  @Column({ name: 'event_id', type: 'bigint' })
  eventId!: string;
}
