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
import { Role } from '@app/domain';
import { RegionEntity } from '@app/practices';

/**
 * A person who may sign in. Never deleted (the audit trail and recorded_by columns point here): people
 * who leave are deactivated. Table `app_user` because `user` is a reserved word in PostgreSQL.
 */
@Entity('app_user')
// E-mail addresses are unique whatever their case: stored lower-case, then a plain unique index suffices.
@Check('app_user_email_lower_case', `email = lower(email)`)
export class UserEntity {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'app_user_pk' })
  id!: number;

  @Index('app_user_email_key', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role!: Role;

  /** Support staff with a region write only there; managers hear about their region's overdue follow-ups. */
  @Column({ name: 'region_code', type: 'varchar', length: 3, nullable: true })
  regionCode!: string | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'app_user_region_code_fk' })
  region?: RegionEntity;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** argon2id, with its parameters and salt in the string. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  /** In every token; raised on password change, deactivation and sign-out, which ends every earlier token. */
  @Column({ name: 'token_version', type: 'integer', default: 1 })
  tokenVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
