import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsInstant, MAX_INTEGER, PageQuery, toInteger } from '@app/http';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'practice', description: 'practice, region, area_team, ccg, user, …' })
  @IsOptional()
  @Matches(/^[a-z_]{1,32}$/, { message: 'entityType must be lower-case letters and _, e.g. practice' })
  entityType?: string;

  @ApiPropertyOptional({ example: 'A81001', description: 'A practice ODS code, a region or CCG code, a user id' })
  @IsOptional()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({ description: 'Only changes made by this user' })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(MAX_INTEGER)
  userId?: number;

  @ApiPropertyOptional({ example: 'status.record' })
  @IsOptional()
  @Matches(/^[a-z_]{1,32}\.[a-z_]{1,31}$/, { message: 'action must look like practice.update' })
  action?: string;

  @ApiPropertyOptional({ example: '2014-09-01', description: 'From this instant or date (inclusive, ISO 8601)' })
  @IsOptional()
  @IsInstant({ orDate: true })
  from?: string;

  @ApiPropertyOptional({
    example: '2014-10-01T00:00:00Z',
    description: 'Before this instant or date (exclusive, ISO 8601)',
  })
  @IsOptional()
  @IsInstant({ orDate: true })
  to?: string;
}

export class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() at!: Date;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'null: the system (an import, a job, the first-admin set-up)',
  })
  userId!: number | null;
  @ApiProperty({ nullable: true, type: String }) userEmail!: string | null;
  @ApiProperty({ example: 'practice.update' }) action!: string;
  @ApiProperty({ example: 'practice' }) entityType!: string;
  @ApiProperty({ example: 'A81001' }) entityId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
