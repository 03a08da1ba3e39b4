import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RegionEntity } from './region.entity';

@Entity('ccg')
export class CcgEntity {
  @PrimaryColumn({ type: 'varchar', length: 3, primaryKeyConstraintName: 'ccg_pk' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Index('ccg_region_code_idx')
  @Column({ name: 'region_code', type: 'varchar', length: 3 })
  regionCode: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'ccg_region_code_fk' })
  region?: RegionEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
