import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsOptional, Matches } from 'class-validator';
import { Service } from '@app/domain';
import { IsCalendarDate, IsCcgCode, IsInstant, IsRegionCode } from '@app/http';

const YEAR_MONTH = /^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/;
const KNOWN_AT_DOC = {
  description:
    'Status history as it stood at this moment: only status events recorded at or before it count. List sizes and ' +
    'practices (open and close dates) are as recorded now',
  example: '2014-10-15T09:00:00Z',
};

// ---- requests ----

/** The area whose practices alone are counted: a region, a CCG, or (neither given) all England. */
export class AreaQuery {
  @IsOptional()
  @IsRegionCode({ required: false, description: 'Only the practices of this region (ODS code). Default: England' })
  regionCode?: string;

  @IsOptional()
  @IsCcgCode({
    required: false,
    description: 'Only the practices of this CCG (ODS code); with regionCode, the CCG must be in that region',
  })
  ccgCode?: string;
}

/** The figures of a date (default today), optionally as known at an instant, in an area or England. */
export class FiguresOnQuery extends AreaQuery {
  @IsOptional()
  @IsCalendarDate(undefined, { required: false, description: 'Default: today in Europe/London' })
  asOf?: string;

  @ApiPropertyOptional(KNOWN_AT_DOC)
  @IsOptional()
  @IsInstant()
  knownAt?: string;
}

export class SummaryQuery extends FiguresOnQuery {
  @ApiPropertyOptional({
    enum: ['json', 'text'],
    description: 'text: "Progress in numbers" sentences (or send Accept: text/plain)',
  })
  @IsOptional()
  @IsIn(['json', 'text'])
  format?: 'json' | 'text';
}

export const BREAKDOWNS = ['region', 'ccg', 'clinical-system'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export class BreakdownQuery extends FiguresOnQuery {
  @ApiProperty({ enum: BREAKDOWNS })
  @IsIn(BREAKDOWNS, { message: `by must be one of: ${BREAKDOWNS.join(', ')}` })
  by!: Breakdown;

  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    description: 'csv: one row per group and service (or send Accept: text/csv)',
  })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class OutlookQuery extends FiguresOnQuery {}

export class TrendQuery extends AreaQuery {
  @ApiProperty({ example: '2013-10', description: 'First month (YYYY-MM)' })
  @Matches(YEAR_MONTH, { message: 'from must be a month YYYY-MM, e.g. 2013-10' })
  from!: string;

  @ApiProperty({ example: '2014-09', description: 'Last month (YYYY-MM), at most 120 months after from' })
  @Matches(YEAR_MONTH, { message: 'to must be a month YYYY-MM, e.g. 2014-09' })
  to!: string;

  @ApiProperty({ enum: Service })
  @IsEnum(Service, { message: `service must be one of: ${Object.values(Service).join(', ')}` })
  service!: Service;

  @ApiPropertyOptional(KNOWN_AT_DOC)
  @IsOptional()
  @IsInstant()
  knownAt?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

// ---- responses ----

/** The area of an answer about a region or a CCG (absent from England's answers, which are as they were). */
export class AreaDto {
  @ApiProperty({ example: 'Y54', description: "The region's ODS code (a CCG's: the region it is in)" })
  regionCode!: string;
  @ApiProperty({ nullable: true, type: String, example: '00C', description: 'The CCG, when the area is one' })
  ccgCode!: string | null;
  @ApiProperty({ example: 'North of England', description: 'Name of the region or CCG' })
  name!: string;
}

export class PracticeCountsDto {
  @ApiProperty({ description: 'Practices in scope (open on the date)' }) total!: number;
  @ApiProperty({ description: 'Level capable or enabled' }) capable!: number;
  @ApiProperty({ description: 'Level enabled' }) enabled!: number;
  @ApiProperty({ description: 'No status event on or before the date: in the total, neither capable nor enabled' })
  unknown!: number;
}

export class PatientCountsDto {
  @ApiProperty({ description: 'Sum of list sizes on the date of the practices in scope' }) total!: number;
  @ApiProperty() atCapable!: number;
  @ApiProperty() atEnabled!: number;
}

/** The figures of one service at one date (DESIGN.md "Figures"). Percentages: one decimal, null for a zero
 * denominator. */
export class ServiceFiguresDto {
  @ApiProperty() practices!: PracticeCountsDto;
  @ApiProperty() patients!: PatientCountsDto;
  @ApiProperty({ nullable: true, type: Number, example: 99.1 }) practicesCapablePct!: number | null;
  @ApiProperty({ nullable: true, type: Number }) practicesEnabledPct!: number | null;
  @ApiProperty({ nullable: true, type: Number }) patientsAtCapablePct!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 91.2 }) patientsAtEnabledPct!: number | null;
}

/** Change since the previous year in percentage points: the difference of the two one-decimal percentages. */
export class ChangeDto {
  @ApiProperty({ nullable: true, type: Number }) practicesCapablePct!: number | null;
  @ApiProperty({ nullable: true, type: Number }) practicesEnabledPct!: number | null;
  @ApiProperty({ nullable: true, type: Number }) patientsAtCapablePct!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 27.4 }) patientsAtEnabledPct!: number | null;
}

export class ComparedServiceFiguresDto extends ServiceFiguresDto {
  @ApiProperty({ description: 'The same figures at the same point in the previous year' })
  previousYear!: ServiceFiguresDto;
  @ApiProperty() change!: ChangeDto;
}

export class ServicesFiguresDto {
  @ApiProperty() appointments!: ComparedServiceFiguresDto;
  @ApiProperty() prescriptions!: ComparedServiceFiguresDto;
  @ApiProperty() records!: ComparedServiceFiguresDto;
}

export class PreviousPointDto {
  @ApiProperty({ format: 'date', description: 'asOf minus one calendar year (29 February → 28 February)' })
  asOf!: string;
  @ApiProperty() practicesWithoutListSize!: number;
}

export class SummaryDto {
  @ApiPropertyOptional({ type: AreaDto, description: 'Present only when regionCode or ccgCode was given' })
  area?: AreaDto;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ nullable: true, type: String }) knownAt!: string | null;
  @ApiProperty({ description: 'Practices in scope with no list size on the date (they add 0 patients)' })
  practicesWithoutListSize!: number;
  @ApiProperty() previousYear!: PreviousPointDto;
  @ApiProperty() services!: ServicesFiguresDto;
}

export class GroupFiguresDto {
  @ApiProperty({ description: 'Region or CCG ODS code, or the clinical system' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() practicesWithoutListSize!: number;
  @ApiProperty() previousYear!: PreviousPointDto;
  @ApiProperty() services!: ServicesFiguresDto;
}

export class BreakdownDto {
  @ApiPropertyOptional({ type: AreaDto, description: 'Present only when regionCode or ccgCode was given' })
  area?: AreaDto;
  @ApiProperty({ enum: BREAKDOWNS }) by!: Breakdown;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ nullable: true, type: String }) knownAt!: string | null;
  @ApiProperty({ format: 'date' }) previousAsOf!: string;
  @ApiProperty({
    type: [GroupFiguresDto],
    description: 'Every group, also those with nothing in scope; they add up to the national figures',
  })
  groups!: GroupFiguresDto[];
}

export class TrendPointDto extends ServiceFiguresDto {
  @ApiProperty({ example: '2014-09' }) month!: string;
  @ApiProperty({ format: 'date', description: 'The last day of the month' }) asOf!: string;
  @ApiProperty() practicesWithoutListSize!: number;
}

export class TrendDto {
  @ApiPropertyOptional({ type: AreaDto, description: 'Present only when regionCode or ccgCode was given' })
  area?: AreaDto;
  @ApiProperty({ enum: Service }) service!: Service;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ nullable: true, type: String }) knownAt!: string | null;
  @ApiProperty({ type: [TrendPointDto] }) points!: TrendPointDto[];
}

/** One service's outlook: where it stands on asOf, its net pace over six months, and where that pace leads. */
export class ServiceOutlookDto {
  @ApiProperty({ description: 'Practices in scope on asOf (practices.total of the figures)' }) inScope!: number;
  @ApiProperty({ description: 'Practices offering it (enabled) on asOf' }) offering!: number;
  @ApiProperty({ description: 'inScope − offering: not capable, capable or unknown' }) stillToGo!: number;
  @ApiProperty({ description: 'Practices in scope six months earlier' }) inScopeSixMonthsEarlier!: number;
  @ApiProperty({ description: 'Practices offering it six months earlier' }) offeringSixMonthsEarlier!: number;
  @ApiProperty({ description: 'offering − offeringSixMonthsEarlier: newly offering, net (negative: fewer)' })
  gained!: number;
  @ApiProperty({ description: 'gained ÷ 6: practices newly offering per month, net; one decimal', example: 12.5 })
  pacePerMonth!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2016-03',
    description:
      'YYYY-MM when every practice in scope would offer it at that pace: the month of asOf plus ' +
      '⌈stillToGo × 6 ÷ gained⌉ months; the month of asOf when none are left; null when the pace is zero or negative',
  })
  projectedMonth!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why projectedMonth is null (null otherwise)' })
  reason!: string | null;
}

export class ServicesOutlookDto {
  @ApiProperty() appointments!: ServiceOutlookDto;
  @ApiProperty() prescriptions!: ServiceOutlookDto;
  @ApiProperty() records!: ServiceOutlookDto;
}

export class OutlookDto {
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ nullable: true, type: String }) knownAt!: string | null;
  @ApiProperty({
    format: 'date',
    description: 'asOf minus six calendar months (a month-end goes to the month-end: 30 September → 31 March)',
  })
  sixMonthsEarlier!: string;
  @ApiProperty() services!: ServicesOutlookDto;
  @ApiPropertyOptional({ type: AreaDto, description: 'Present only when regionCode or ccgCode was given' })
  area?: AreaDto;
}
