import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, Level, RecordSource, Service } from '@app/common';
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
