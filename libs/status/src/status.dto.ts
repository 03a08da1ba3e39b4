import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Level, RecordSource, Service } from '@app/domain';
import { IsCalendarDate } from '@app/http';
import { ListSizeHistoryDto } from '@app/practices';

export class RecordLevelDto {
  @ApiProperty({ enum: Service })
  @IsEnum(Service)
  service!: Service;

  @ApiProperty({ enum: Level, description: 'not_capable (POMI 0), capable (1), enabled (2)' })
  @IsEnum(Level)
  level!: Level;

  @IsCalendarDate(undefined, {
    description: 'When the level became true; not in the future, not before the practice opened',
  })
  effectiveDate!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class StatusEventDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: Service }) service!: Service;
  @ApiProperty({ enum: Level }) level!: Level;
  @ApiProperty({ format: 'date' }) effectiveDate!: string;
  @ApiProperty() recordedAt!: Date;
  @ApiProperty({ nullable: true, type: Number }) recordedBy!: number | null;
  @ApiProperty({ enum: RecordSource }) source!: RecordSource;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({
    description:
      'Back-dated: recorded (day in Europe/London) after the end of the month of its effective date, so ' +
      'it changed the figures of at least one month-end already past, which may have been published',
  })
  backDated!: boolean;
}

export class RecordLevelResultDto {
  @ApiProperty() event!: StatusEventDto;
  @ApiProperty({
    enum: [...Object.values(Level), 'unknown'],
    description: 'The current level of that service after this event',
  })
  currentLevel!: Level | 'unknown';
}

export class PracticeHistoryDto {
  @ApiProperty() code!: string;
  @ApiProperty({ type: [StatusEventDto], description: 'Newest effective date first' }) statusEvents!: StatusEventDto[];
  @ApiProperty({ type: [ListSizeHistoryDto], description: 'Newest effective date first' })
  listSizes!: ListSizeHistoryDto[];
}

/** What a status change would be, to say before it is recorded which figures it changes. */
export class StatusImpactQuery {
  @ApiProperty({ enum: Service })
  @IsEnum(Service)
  service!: Service;

  @ApiProperty({ enum: Level })
  @IsEnum(Level)
  level!: Level;

  @IsCalendarDate(undefined, { description: 'The effective date of the change; the same rules as recording it' })
  effectiveDate!: string;
}

export class MonthEndRangeDto {
  @ApiProperty({ format: 'date' }) first!: string;
  @ApiProperty({ format: 'date' }) last!: string;
  @ApiProperty() count!: number;
}

export class ImpactAreaDto {
  @ApiProperty({ enum: ['england', 'region', 'ccg', 'clinical-system'] })
  kind!: 'england' | 'region' | 'ccg' | 'clinical-system';
  @ApiProperty({ nullable: true, type: String, description: 'ODS code; null for England' }) code!: string | null;
  @ApiProperty() name!: string;
}

export class StatusImpactDto {
  @ApiProperty() practiceCode!: string;
  @ApiProperty({ enum: Service }) service!: Service;
  @ApiProperty({ enum: Level }) level!: Level;
  @ApiProperty({ format: 'date' }) effectiveDate!: string;
  @ApiProperty({ format: 'date', description: "Today in the app's time zone" }) today!: string;
  @ApiProperty({ description: 'The effective date is before today' }) backDated!: boolean;
  @ApiProperty({
    enum: [...Object.values(Level), 'unknown'],
    description: 'The level of the service on the effective date as recorded now (the as-of rule)',
  })
  levelBefore!: Level | 'unknown';
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description:
      'The first date this change would no longer decide: the next recorded change of the service, or the ' +
      'close date, whichever is first; null when it decides every date from the effective date on',
  })
  until!: string | null;
  @ApiProperty({ enum: ['next-change', 'closed'], nullable: true, type: String })
  untilBecause!: 'next-change' | 'closed' | null;
  @ApiProperty({
    description:
      'Whether any figure of any date changes: the level differs from levelBefore and the practice is open on ' +
      'some of the days it decides',
  })
  changesFigures!: boolean;
  @ApiProperty({
    nullable: true,
    type: MonthEndRangeDto,
    description: 'The month-ends before today whose figures change (null: none)',
  })
  monthEnds!: MonthEndRangeDto | null;
  @ApiProperty({
    nullable: true,
    type: MonthEndRangeDto,
    description:
      'The month-ends before today whose "same point in the previous year" (and so the change shown) moves ' +
      '(null: none)',
  })
  previousYearOf!: MonthEndRangeDto | null;
  @ApiProperty({
    type: [ImpactAreaDto],
    description:
      "Whose figures those are: England, the practice's region, its CCG and its clinical system's group of the " +
      'breakdown (empty when no figure changes)',
  })
  areas!: ImpactAreaDto[];
}
