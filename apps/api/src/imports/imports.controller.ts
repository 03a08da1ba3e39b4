import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, CurrentActor, Role, Roles } from '@app/common';
import { CreateImportDto, IMPORT_FORMATS, ImportRunDto, ImportRunPageDto, ImportsService, ListImportsQuery } from '@app/imports';
import { API_PREFIX } from '../configure-app';
import { UploadLimitInterceptor } from './upload-limit.interceptor';
import { toReceivedFile, UploadedImportFile } from './upload-storage';

@ApiTags('imports')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post() @Roles(Role.Admin) @HttpCode(202)
  @UseInterceptors(UploadLimitInterceptor, FileInterceptor('file'))
  @ApiOperation({ summary: 'Upload an NHS file to import; the worker processes it (poll GET /imports/:id)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        kind: { type: 'string', enum: [...IMPORT_FORMATS] },
        partial: { type: 'boolean' },
        effectiveDate: { type: 'string', format: 'date' },
        service: { type: 'string', enum: ['appointments', 'prescriptions', 'records'] },
        includeListSizes: { type: 'boolean' },
        encoding: { type: 'string', enum: ['auto', 'utf-8', 'windows-1252'] },
      },
    },
  })
  @ApiAcceptedResponse({ type: ImportRunDto })
  async create(
    @UploadedFile() file: UploadedImportFile | undefined,
    @Body() dto: CreateImportDto,
    @Res({ passthrough: true }) res: Response,
    @CurrentActor() actor?: Actor,
  ): Promise<ImportRunDto> {
    const run = await this.imports.create(toReceivedFile(file), dto, actor?.userId ?? null);
    res.location(`/${API_PREFIX}/imports/${run.id}`);
    return run;
  }

  @Get() @Roles(Role.Admin)
  @ApiOperation({ summary: 'Import runs, newest first (problems only in GET /imports/:id)' }) @ApiOkResponse({ type: ImportRunPageDto })
  list(@Query() query: ListImportsQuery) {
    return this.imports.list(query);
  }

  @Get(':id') @Roles(Role.Admin)
  @ApiOperation({ summary: 'One import run: state, progress, counts, problems (first 1,000) and what changed' }) @ApiOkResponse({ type: ImportRunDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.imports.get(id);
  }
}
