import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The 2013 ONS code of a CCG (E38…) and its 3-character ODS code, from `CCG_APR_2013.csv` (format
 * `ccg-codes`). The ONS lookup of CCGs to regions (`ccg-lookup`) names CCGs by ONS code only; its import
 * finds their ODS codes here.
 */
@Entity('ons_ccg_code')
export class OnsCcgCodeEntity {
  @PrimaryColumn({ name: 'ons_code', type: 'varchar', length: 9, primaryKeyConstraintName: 'ons_ccg_code_pk' })
  onsCode!: string;

  @Column({ name: 'ccg_code', type: 'varchar', length: 3 })
  ccgCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
