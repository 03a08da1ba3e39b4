import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsOptional } from 'class-validator';
import { Service } from '@app/domain';
import { IsCalendarDate, PageQuery } from '@app/http';
import { ImportState } from './import-run.entity';
import type { ImportOptions, ImportSummary } from './import-run.types';
import type { ImportRunRow } from './import-runs.repository';
import { IMPORT_FORMATS, ImportFormat } from './parsers';

/** Multipart fields arrive as text: `true`/`false` (or 1/0) become booleans, anything else fails validation. */
const toBoolean = ({ value }: { value: unknown }) => {
  if (value === 'true' || value === '1' || value === true) return true;
  if (value === 'false' || value === '0' || value === false) return false;
  return value;
};

const ENCODINGS = ['auto', 'utf-8', 'windows-1252'] as const;

// ---- requests ----

/** The fields sent with the file in `POST /imports` (multipart/form-data), and the CLI's options. */
export class CreateImportDto {
  @ApiProperty({ enum: IMPORT_FORMATS, description: 'The file format (see docs/imports.md)' })
  @IsIn(IMPORT_FORMATS as ImportFormat[], { message: `kind must be one of: ${IMPORT_FORMATS.join(', ')}` })
  kind!: ImportFormat;

  @ApiPropertyOptional({
    default: false,
    description: 'Import the valid rows and report the others (default: any problem rejects the file)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  partial?: boolean;

  @IsOptional()
  @IsCalendarDate(undefined, {
    required: false,
    description: 'list-size-quarterly only: the date the list sizes apply from (default: the quarter in the file name)',
  })
  effectiveDate?: string;

  @ApiPropertyOptional({ enum: Service, description: 'pomi-wide only: the service the file is about' })
  @IsOptional()
  @IsEnum(Service)
  service?: Service;

  @ApiPropertyOptional({
    default: false,
    description: 'pomi-long only: also import Patient_List_Size rows as list sizes',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeListSizes?: boolean;

  @ApiPropertyOptional({
    enum: ENCODINGS,
    default: 'auto',
    description: 'auto: UTF-8, or Windows-1252 when the file is not UTF-8',
  })
  @IsOptional()
  @IsIn(ENCODINGS)
  encoding?: (typeof ENCODINGS)[number];
}

export class ListImportsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ImportState })
  @IsOptional()
  @IsEnum(ImportState)
  state?: ImportState;

  @ApiPropertyOptional({ enum: IMPORT_FORMATS })
  @IsOptional()
  @IsIn(IMPORT_FORMATS as ImportFormat[])
  kind?: ImportFormat;
}

// ---- responses ----

export class ImportProblemDto {
  @ApiProperty({ description: 'Line of the file where the row starts (0: the file as a whole)' }) row!: number;
  @ApiPropertyOptional({ description: 'The column as the file names it' }) column?: string;
  @ApiPropertyOptional({ description: 'The value found (at most 100 characters)' }) value?: string;
  @ApiProperty() reason!: string;
}

export class ImportRunDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: IMPORT_FORMATS }) kind!: ImportFormat;
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: 'Bytes' }) fileSize!: number;
  @ApiProperty() fileSha256!: string;
  @ApiProperty({ type: Object, description: 'partial, effectiveDate, service, includeListSizes, encoding' })
  options!: ImportOptions;
  @ApiProperty({ enum: ImportState }) state!: ImportState;
  @ApiProperty({ description: '0–100' }) progress!: number;
  @ApiProperty({ description: 'Data rows read (not the header, not blank lines)' }) rowsRead!: number;
  @ApiProperty({
    description:
      'Lines of the file gone through so far (rows as the problems number them: lines, header included); ' +
      'equals rowsTotal once the whole file was read, stays where the parser stopped when it stopped early',
  })
  rowsDone!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Lines in the file, counted as it was received (null for runs made before it was counted)',
  })
  rowsTotal!: number | null;
  @ApiProperty({ description: 'Rows that passed every check (committed only when the run succeeded)' })
  rowsAccepted!: number;
  @ApiProperty({ description: 'Rows with a problem' }) rowsRejected!: number;
  @ApiProperty({ description: 'Rows left out on purpose (e.g. not a GP practice); reasons in summary.skipped' })
  rowsSkipped!: number;
  @ApiProperty({ description: 'All problems found; `problems` holds the first 1,000 by row' }) problemCount!: number;
  @ApiPropertyOptional({ type: [ImportProblemDto], description: 'Only in GET /imports/:id' })
  problems?: ImportProblemDto[];
  @ApiPropertyOptional({
    type: Object,
    nullable: true,
    description: 'What changed, per kind of data: added, updated, unchanged',
  })
  summary!: ImportSummary | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The outcome in one sentence' })
  message!: string | null;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional({ nullable: true }) createdBy!: number | null;
  @ApiProperty() createdAt!: Date;
  @ApiPropertyOptional({ nullable: true }) startedAt!: Date | null;
  @ApiPropertyOptional({ nullable: true }) finishedAt!: Date | null;
}

export class ImportProblemPageDto {
  @ApiProperty({ type: [ImportProblemDto] }) items!: ImportProblemDto[];
  @ApiProperty({ description: 'Problems stored with the run (the first 1,000 by row; problemCount counts all)' })
  total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ImportRunPageDto {
  @ApiProperty({ type: [ImportRunDto] }) items!: ImportRunDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export function toImportRunDto(row: ImportRunRow): ImportRunDto {
  const { id, format, storedFile: _stored, problems, ...rest } = row;
  return { id, kind: format, ...rest, ...(problems ? { problems } : {}) };
}
