import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsOptional } from 'class-validator';
import { Service } from '@app/domain';
import { IsCalendarDate, IsCcgCode, IsRegionCode } from '@app/http';
import { BarrierCategory } from './follow-ups.enums';

export class BarrierReportQuery {
  @ApiPropertyOptional({ enum: ['category', 'region'], default: 'category' })
  @IsOptional()
  @IsIn(['category', 'region'])
  by: 'category' | 'region' = 'category';

  @ApiPropertyOptional({ enum: Service })
  @IsOptional()
  @IsEnum(Service)
  service?: Service;

  @IsOptional()
  @IsCalendarDate(undefined, { required: false, description: 'Barriers recorded on or after this date (London time)' })
  from?: string;

  @IsOptional()
  @IsCalendarDate(undefined, { required: false, description: 'Barriers recorded on or before this date (London time)' })
  to?: string;

  @IsOptional()
  @IsRegionCode({ required: false, description: 'Only practices of this region (ODS code). Default: England' })
  regionCode?: string;

  @IsOptional()
  @IsCcgCode({ required: false, description: 'Only practices of this CCG (ODS code)' })
  ccgCode?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'Or send Accept: text/csv' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class BarrierReportRowDto {
  @ApiPropertyOptional({ description: 'by=region only' }) regionCode?: string;
  @ApiPropertyOptional({ description: 'by=region only' }) regionName?: string;
  @ApiProperty({ enum: Service }) service!: Service;
  @ApiProperty({ enum: BarrierCategory }) category!: BarrierCategory;
  @ApiProperty({ description: 'Practices that reported this barrier for this service' }) practices!: number;
  @ApiProperty({ description: 'Barrier records (a practice may report the same barrier more than once)' })
  barriers!: number;
}

export class BarrierReportTotalDto {
  @ApiProperty({ enum: Service }) service!: Service;
  @ApiProperty({ description: 'Practices that reported any barrier for this service' }) practices!: number;
}

export class BarrierReportDto {
  @ApiProperty({ enum: ['category', 'region'] }) by!: 'category' | 'region';
  @ApiProperty({ enum: Service, nullable: true }) service!: Service | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) from!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) to!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The region asked for (null: England)' })
  regionCode!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The CCG asked for (null: none)' })
  ccgCode!: string | null;
  @ApiProperty({ type: [BarrierReportRowDto] }) rows!: BarrierReportRowDto[];
  @ApiProperty({ type: [BarrierReportTotalDto] }) totals!: BarrierReportTotalDto[];
}
