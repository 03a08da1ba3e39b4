import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AreaTeamEntity } from './area-team.entity';
import { RegionEntity } from './region.entity';

@Entity('ccg')
export class CcgEntity {
  @PrimaryColumn({ type: 'varchar', length: 3, primaryKeyConstraintName: 'ccg_pk' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index('ccg_region_code_idx')
  @Column({ name: 'region_code', type: 'varchar', length: 3 })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'ccg_region_code_fk' })
  region?: RegionEntity;

  @Index('ccg_area_team_code_idx')
  @Column({ name: 'area_team_code', type: 'varchar', length: 3, nullable: true })
  areaTeamCode!: string | null;

  @ManyToOne(() => AreaTeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'area_team_code', foreignKeyConstraintName: 'ccg_area_team_code_fk' })
  areaTeam?: AreaTeamEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
