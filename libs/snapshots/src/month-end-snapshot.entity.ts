import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The figures as they stood at a month end, stored by the job on the 1st (first computation wins). */
@Entity('month_end_snapshot')
export class MonthEndSnapshotEntity {
  @PrimaryColumn({ name: 'month_end', type: 'date', primaryKeyConstraintName: 'month_end_snapshot_pk' })
  monthEnd!: string;

  @Column({ type: 'jsonb' })
  figures!: object;

  @CreateDateColumn({ name: 'computed_at', type: 'timestamptz' })
  computedAt!: Date;
}
