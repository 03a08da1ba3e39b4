import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RegionEntity } from './region.entity';

/** NHS England area teams (2013–2015): a level between CCG and region, kept for reference and reporting. */
@Entity('area_team')
export class AreaTeamEntity {
  @PrimaryColumn({ type: 'varchar', length: 3, primaryKeyConstraintName: 'area_team_pk' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index('area_team_region_code_idx')
  @Column({ name: 'region_code', type: 'varchar', length: 3 })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'area_team_region_code_fk' })
  region?: RegionEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
