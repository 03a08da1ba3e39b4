import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ClinicalSystem, Level, MAX_NAME_LENGTH, POSTCODE, Service } from '@app/domain';
import {
  IsCalendarDate,
  IsCcgCode,
  IsOmittable,
  IsPracticeCode,
  IsRegionCode,
  MAX_INTEGER,
  PageQuery,
} from '@app/http';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upperPostcode = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase().replace(/\s+/g, ' ') : value;

// ---- requests ----

export class CreateRegionDto {
  @IsRegionCode() code!: string;

  @ApiProperty({ example: 'North of England' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_NAME_LENGTH)
  name!: string;
}

export class CreateAreaTeamDto {
  @ApiProperty({ example: 'Q45', pattern: '^Q[0-9]{2}$' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Matches(/^Q[0-9]{2}$/, { message: 'code must be an area team code: Q and two digits, e.g. Q45' })
  code!: string;

  @ApiProperty({ example: 'Durham, Darlington and Tees' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_NAME_LENGTH)
  name!: string;

  @IsRegionCode() regionCode!: string;
}

export class CreateCcgDto {
  @IsCcgCode() code!: string;

  @ApiProperty({ example: 'NHS Darlington CCG' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_NAME_LENGTH)
  name!: string;

  @IsRegionCode() regionCode!: string;

  @ApiPropertyOptional({ example: 'Q45', description: 'The area team, which must be in the same region' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Matches(/^Q[0-9]{2}$/, { message: 'areaTeamCode must be an area team code: Q and two digits, e.g. Q45' })
  areaTeamCode?: string;
}

export class ListCcgsQuery {
  @IsOptional() @IsRegionCode({ required: false }) regionCode?: string;
}

export class CreatePracticeDto {
  @IsPracticeCode() code!: string;

  @ApiProperty({ example: 'The Manor House Surgery' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_NAME_LENGTH)
  name!: string;

  @ApiPropertyOptional({ example: 'TS6 0HA' })
  @IsOptional()
  @Transform(upperPostcode)
  @IsString()
  @Matches(POSTCODE, { message: 'postcode must be a UK postcode, e.g. TS6 0HA' })
  postcode?: string;

  @IsCcgCode() ccgCode!: string;

  @ApiPropertyOptional({ enum: ClinicalSystem, default: ClinicalSystem.UNKNOWN })
  @IsOptional()
  @IsEnum(ClinicalSystem)
  clinicalSystem?: ClinicalSystem;

  @IsOptional() @IsCalendarDate(undefined, { required: false }) openedOn?: string;

  @IsOptional() @IsCalendarDate(undefined, { required: false }) closedOn?: string;
}

/** Every field optional; `null` clears postcode or closedOn. */
export class UpdatePracticeDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_NAME_LENGTH)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'null clears it' })
  @IsOptional()
  @Transform(upperPostcode)
  @IsString()
  @Matches(POSTCODE, { message: 'postcode must be a UK postcode, e.g. TS6 0HA' })
  postcode?: string | null;

  @IsOmittable() @IsCcgCode({ required: false }) ccgCode?: string;

  @ApiPropertyOptional({ enum: ClinicalSystem })
  @IsOmittable()
  @IsEnum(ClinicalSystem)
  clinicalSystem?: ClinicalSystem;

  @IsOptional() @IsCalendarDate(undefined, { required: false, nullable: true }) openedOn?: string | null;

  @IsOptional() @IsCalendarDate(undefined, { required: false, nullable: true }) closedOn?: string | null;

  @ApiPropertyOptional({
    description: 'The version you last read; when given, a concurrent edit answers 409 instead of being overwritten',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(MAX_INTEGER)
  version?: number;
}

export const PRACTICE_SORTS = ['code', 'name', 'openedOn', 'listSize'] as const;
export type PracticeSort = (typeof PRACTICE_SORTS)[number];

export class ListPracticesQuery extends PageQuery {
  @IsOptional() @IsRegionCode({ required: false }) regionCode?: string;
  @IsOptional() @IsCcgCode({ required: false }) ccgCode?: string;

  @ApiPropertyOptional({ enum: ClinicalSystem })
  @IsOptional()
  @IsEnum(ClinicalSystem)
  clinicalSystem?: ClinicalSystem;

  @ApiPropertyOptional({
    enum: Service,
    description: 'With level: only practices whose current level of this service is that level',
  })
  @IsOptional()
  @IsEnum(Service)
  service?: Service;

  @ApiPropertyOptional({ enum: [...Object.values(Level), 'unknown'] })
  @IsOptional()
  @IsIn([...Object.values(Level), 'unknown'])
  level?: Level | 'unknown';

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'With service (instead of level): true, only practices whose current level is enabled (offering it); ' +
      'false, every other practice: not capable, capable, or no status recorded (unknown)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'offering must be true or false' })
  offering?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'true: only practices open today (in scope of the figures: opened on or before today, not closed); ' +
      'false: only those not open today',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'open must be true or false' })
  open?: boolean;

  @ApiPropertyOptional({
    description: 'Part of the name, the start of the ODS code, or the start of the postcode (spaces ignored)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: PRACTICE_SORTS, default: 'code' })
  @IsOptional()
  @IsIn(PRACTICE_SORTS)
  sort: PracticeSort = 'code';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'asc';
}

export class RecordListSizeDto {
  @ApiProperty({ minimum: 0, maximum: 2_000_000, example: 5904 })
  @IsInt()
  @Min(0)
  @Max(2_000_000)
  patients!: number;

  @IsCalendarDate() effectiveDate!: string;
}

// ---- responses ----

export class RegionDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class AreaTeamDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() regionCode!: string;
}

export class CcgDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty({ nullable: true, type: String }) areaTeamCode!: string | null;
}

export class CurrentLevelDto {
  @ApiProperty({ enum: [...Object.values(Level), 'unknown'] }) level!: Level | 'unknown';
  @ApiProperty({ nullable: true, type: String, format: 'date' }) effectiveDate!: string | null;
}

export class ListSizeDto {
  @ApiProperty() patients!: number;
  @ApiProperty({ format: 'date' }) effectiveDate!: string;
}

export class ServicesDto {
  @ApiProperty() appointments!: CurrentLevelDto;
  @ApiProperty() prescriptions!: CurrentLevelDto;
  @ApiProperty() records!: CurrentLevelDto;
}

export class PracticeDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) postcode!: string | null;
  @ApiProperty() ccgCode!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty({ enum: ClinicalSystem }) clinicalSystem!: ClinicalSystem;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) openedOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) closedOn!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'Current level of each service (the as-of rule at today)' }) services!: ServicesDto;
  @ApiProperty({ nullable: true, type: ListSizeDto }) listSize!: ListSizeDto | null;
}

export class PracticePageDto {
  @ApiProperty({ type: [PracticeDto] }) items!: PracticeDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ListSizeHistoryDto extends ListSizeDto {
  @ApiProperty() recordedAt!: Date;
  @ApiProperty({ nullable: true, type: Number }) recordedBy!: number | null;
  @ApiProperty() source!: string;
}
