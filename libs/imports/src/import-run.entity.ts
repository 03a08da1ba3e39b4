import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { IMPORT_FORMATS, ImportFormat } from './parsers';
import type { ImportOptions, ImportProblem, ImportSummary } from './import-run.types';

export enum ImportState {
  Queued = 'queued',
  Running = 'running',
  Succeeded = 'succeeded',
  Failed = 'failed',
  Rejected = 'rejected',
}

/**
 * One import of one file: what was sent, how far the worker is, and what came of it. The uploaded file
 * waits in IMPORT_DIR (`stored_file`) until the run reaches a final state.
 */
@Entity('import_run')
@Check('import_run_progress_range', `progress BETWEEN 0 AND 100`)
@Check('import_run_rows_done_range', `rows_done >= 0 AND (rows_total IS NULL OR rows_done <= rows_total)`)
export class ImportRunEntity {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'import_run_pk' })
  id!: number;

  @Column({ type: 'enum', enum: IMPORT_FORMATS, enumName: 'import_format' })
  format!: ImportFormat;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'file_size', type: 'bigint' })
  fileSize!: string;

  @Column({ name: 'file_sha256', type: 'varchar', length: 64 })
  fileSha256!: string;

  /** The file's name inside IMPORT_DIR; null once the run is over and the file removed. */
  @Column({ name: 'stored_file', type: 'text', nullable: true })
  storedFile!: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  options!: ImportOptions;

  @Column({ type: 'enum', enum: ImportState, enumName: 'import_state', default: ImportState.Queued })
  state!: ImportState;

  @Column({ name: 'rows_read', type: 'integer', default: 0 })
  rowsRead!: number;

  @Column({ name: 'rows_accepted', type: 'integer', default: 0 })
  rowsAccepted!: number;

  @Column({ name: 'rows_rejected', type: 'integer', default: 0 })
  rowsRejected!: number;

  @Column({ name: 'rows_skipped', type: 'integer', default: 0 })
  rowsSkipped!: number;

  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  /** The line of the file the worker has reached (all of them once the whole file was read). */
  @Column({ name: 'rows_done', type: 'integer', default: 0 })
  rowsDone!: number;

  /** Lines in the file, counted as it was stored; null for runs made before it was counted. */
  @Column({ name: 'rows_total', type: 'integer', nullable: true })
  rowsTotal!: number | null;

  /** All problems found; `problems` keeps the first 1,000 by row. */
  @Column({ name: 'problem_count', type: 'integer', default: 0 })
  problemCount!: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  problems!: ImportProblem[];

  @Column({ type: 'jsonb', nullable: true })
  summary!: ImportSummary | null;

  /** The outcome in one sentence (why a run was rejected or failed). */
  @Column({ type: 'text', nullable: true })
  message!: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  createdBy!: number | null;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'import_run_created_by_fk' })
  creator?: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
