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
import { ClinicalSystem } from '@app/domain';
import { CcgEntity } from './ccg.entity';

@Entity('practice')
// A GIN trigram index made by hand in the migration; TypeORM cannot describe it, so it must leave it alone.
@Index('practice_name_trgm_idx', { synchronize: false })
// The search's prefix indexes (text_pattern_ops, an expression): made by hand in PracticeSearchIndexes.
@Index('practice_code_pattern_idx', { synchronize: false })
@Index('practice_postcode_search_idx', { synchronize: false })
@Check('practice_code_format', `code ~ '^[A-Z][0-9]{5}$'`)
@Check('practice_dates_order', `closed_on IS NULL OR opened_on IS NULL OR closed_on > opened_on`)
export class PracticeEntity {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'practice_pk' })
  id!: number;

  @Index('practice_code_key', { unique: true })
  @Column({ type: 'varchar', length: 6 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  postcode!: string | null;

  @Index('practice_ccg_code_idx')
  @Column({ name: 'ccg_code', type: 'varchar', length: 3 })
  ccgCode!: string;

  @ManyToOne(() => CcgEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ccg_code', foreignKeyConstraintName: 'practice_ccg_code_fk' })
  ccg?: CcgEntity;

  @Column({
    name: 'clinical_system',
    type: 'enum',
    enum: ClinicalSystem,
    enumName: 'clinical_system',
    default: ClinicalSystem.UNKNOWN,
  })
  clinicalSystem!: ClinicalSystem;

  @Column({ name: 'opened_on', type: 'date', nullable: true })
  openedOn!: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic concurrency for edits: updates say which version they saw (see practices.repository). */
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
