import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateBy,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import { Role, Service } from '@app/domain';
import { IsCalendarDate, IsInstant, IsPracticeCode, IsRegionCode, MAX_INTEGER, PageQuery, toInteger } from '@app/http';
import { BarrierCategory, ContactMethod, FollowUpState } from './follow-ups.enums';

/** One clear message per case instead of class-validator's three for a missing `other` detail. */
function IsBarrierDetail() {
  const required = (args?: ValidationArguments) =>
    (args?.object as BarrierInputDto | undefined)?.category === BarrierCategory.Other;
  return ValidateBy({
    name: 'isBarrierDetail',
    validator: {
      validate: (value, args) =>
        typeof value === 'string' && value.length <= 2000 && (value.length > 0 || !required(args)),
      defaultMessage: (args) =>
        required(args) && (typeof args?.value !== 'string' || args.value.length === 0)
          ? 'detail is required when category is other'
          : 'detail must be text of at most 2000 characters',
    },
  });
}

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Query-string booleans: only the words true and false (no implicit conversion: 'false' is not true). */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

// ---- requests ----

export const STATE_FILTERS = ['active', 'closed', 'all', ...Object.values(FollowUpState)] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

export class ListFollowUpsQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: STATE_FILTERS,
    default: 'active',
    description: 'active = open, contacted or barriers_recorded',
  })
  @IsOptional()
  @IsIn(STATE_FILTERS)
  state: StateFilter = 'active';

  @IsOptional()
  @IsRegionCode({ required: false })
  regionCode?: string;

  @ApiPropertyOptional({ description: 'Only follow-ups owned by this user id' })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(MAX_INTEGER)
  ownerId?: number;

  @ApiPropertyOptional({ description: 'Only follow-ups owned by the signed-in user' })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'mine must be true or false' })
  mine?: boolean;

  @ApiPropertyOptional({ description: 'Only follow-ups nobody owns' })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'unassigned must be true or false' })
  unassigned?: boolean;

  @ApiPropertyOptional({ enum: ['overdue', 'due'], description: 'overdue: due before today; due: due today or before' })
  @IsOptional()
  @IsIn(['overdue', 'due'])
  due?: 'overdue' | 'due';

  @IsOptional()
  @IsPracticeCode({ required: false })
  practiceCode?: string;

  @ApiPropertyOptional({ enum: Service, description: 'Only follow-ups about practices not offering this service' })
  @IsOptional()
  @IsEnum(Service)
  notOffered?: Service;
}

export class RecordContactDto {
  @ApiProperty({ enum: ContactMethod })
  @IsEnum(ContactMethod)
  method!: ContactMethod;

  @ApiProperty({ example: 'Spoke to the practice manager; will check with EMIS about online records', maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  outcome!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the contact happened (default: now); not in the future',
  })
  @IsOptional()
  @IsInstant()
  contactedAt?: string;
}

export class BarrierInputDto {
  @ApiProperty({ enum: Service })
  @IsEnum(Service)
  service!: Service;

  @ApiProperty({ enum: BarrierCategory })
  @IsEnum(BarrierCategory)
  category!: BarrierCategory;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required when category is other' })
  @ValidateIf((b: BarrierInputDto) => b.category === BarrierCategory.Other || b.detail !== undefined)
  @Transform(trim)
  @IsBarrierDetail()
  detail?: string;
}

export class RecordBarriersDto {
  @ApiProperty({ type: [BarrierInputDto] })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsObject({ each: true, message: 'barriers must be a list of objects ({service, category, detail?})' })
  @ValidateNested({ each: true })
  @Type(() => BarrierInputDto)
  barriers!: BarrierInputDto[];
}

export class SetDueDateDto {
  @IsCalendarDate(undefined, { description: 'Today or later' })
  dueDate!: string;
}

export class AssignOwnerDto {
  @ApiProperty({ nullable: true, type: Number, description: 'A user id, or null to unassign' })
  @ValidateIf((_, v) => v !== null)
  @IsDefined()
  @IsInt()
  @Min(1)
  @Max(MAX_INTEGER)
  ownerId!: number | null;
}

export class CloseFollowUpDto {
  @ApiProperty({ example: 'Practice merged into A81002', maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

// ---- responses ----

export class FollowUpPracticeDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() ccgCode!: string;
  @ApiProperty() regionCode!: string;
}

export class ContactDto {
  @ApiProperty() id!: string;
  @ApiProperty() contactedAt!: Date;
  @ApiProperty({ enum: ContactMethod }) method!: ContactMethod;
  @ApiProperty() outcome!: string;
  @ApiProperty({ nullable: true, type: Number }) recordedBy!: number | null;
  @ApiProperty({ nullable: true, type: String, description: "The recorder's name" }) recordedByName!: string | null;
  @ApiProperty() recordedAt!: Date;
}

export class BarrierDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: Service }) service!: Service;
  @ApiProperty({ enum: BarrierCategory }) category!: BarrierCategory;
  @ApiProperty({ nullable: true, type: String }) detail!: string | null;
  @ApiProperty({ nullable: true, type: Number }) recordedBy!: number | null;
  @ApiProperty({ nullable: true, type: String, description: "The recorder's name" }) recordedByName!: string | null;
  @ApiProperty() recordedAt!: Date;
}

export class FollowUpSummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty() practice!: FollowUpPracticeDto;
  @ApiProperty({ enum: Service, isArray: true }) servicesNotOffered!: Service[];
  @ApiProperty({ nullable: true, type: Number }) ownerId!: number | null;
  @ApiProperty({ nullable: true, type: String, description: "The owner's name" }) ownerName!: string | null;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ description: 'Active and due before today' }) overdue!: boolean;
  @ApiProperty({ enum: FollowUpState }) state!: FollowUpState;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) closedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Null when closed by the rule itself' }) closedBy!:
    number | null;
  @ApiProperty({ nullable: true, type: String, description: "The closer's name" }) closedByName!: string | null;
  @ApiProperty({ nullable: true, type: String }) closeNote!: string | null;
  @ApiProperty({ nullable: true, type: Date }) lastContactAt!: Date | null;
  @ApiProperty() barrierCount!: number;
}

/** A change of due date or owner (PUT …/due-date, …/owner), as the audit trail recorded it. */
export class FollowUpChangeDto {
  @ApiProperty() at!: Date;
  @ApiProperty({ enum: ['dueDate', 'owner'] }) field!: 'dueDate' | 'owner';
  @ApiProperty({
    nullable: true,
    type: String,
    description: "dueDate: the date before (YYYY-MM-DD); owner: the owner's name before, null for nobody",
  })
  from!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'As `from`, after the change' }) to!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Who made the change' }) by!: number | null;
  @ApiProperty({ nullable: true, type: String, description: "The changer's name" }) byName!: string | null;
}

export class FollowUpDetailDto extends FollowUpSummaryDto {
  @ApiProperty({ type: [ContactDto], description: 'Newest first' }) contacts!: ContactDto[];
  @ApiProperty({ type: [BarrierDto], description: 'Newest first' }) barriers!: BarrierDto[];
  @ApiProperty({ type: [FollowUpChangeDto], description: 'Changes of due date and owner, newest first' })
  changes!: FollowUpChangeDto[];
}

/** Someone who may own a follow-up: an active admin, or support staff who may write in its region. */
export class OwnerOptionDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Role }) role!: Role;
  @ApiProperty({ nullable: true, type: String, description: 'Support staff: their region; null: every region' })
  regionCode!: string | null;
}

export class OwnerOptionListDto {
  @ApiProperty({ type: [OwnerOptionDto], description: 'By name' }) items!: OwnerOptionDto[];
}

export class FollowUpPageDto {
  @ApiProperty({ type: [FollowUpSummaryDto] }) items!: FollowUpSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
