import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, Role } from '@app/domain';
import { CurrentActor, PageQuery, Roles } from '@app/http';
import {
  IMPORT_FORMATS,
  ImportProblemPageDto,
  ImportRunDto,
  ImportRunPageDto,
  ImportsService,
  ListImportsQuery,
} from '@app/imports';
import { API_PREFIX } from '../configure-app';
import { ImportUploadReader } from './import-upload.reader';
import { IdPipe } from '../http/id.pipe';
import { replyAsText } from '../http/text-reply';

@ApiTags('imports')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly uploads: ImportUploadReader,
  ) {}

  @Post()
  @Roles(Role.Admin)
  @HttpCode(202)
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
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
    @CurrentActor() actor?: Actor,
  ): Promise<ImportRunDto> {
    // Read here, after the access guard: a refused request stores no file.
    const { file, dto } = await this.uploads.read(req);
    const run = await this.imports.create(file, dto, actor?.userId ?? null);
    res.header('Location', `/${API_PREFIX}/imports/${run.id}`);
    return run;
  }

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Import runs, newest first (problems only in GET /imports/:id)' })
  @ApiOkResponse({ type: ImportRunPageDto })
  list(@Query() query: ListImportsQuery) {
    return this.imports.list(query);
  }

  @Get(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'One import run: state, progress, counts, problems (first 1,000) and what changed' })
  @ApiOkResponse({ type: ImportRunDto })
  get(@Param('id', IdPipe) id: number) {
    return this.imports.get(id);
  }

  @Get(':id/problems')
  @Roles(Role.Admin)
  @ApiOperation({ summary: "A page of a run's problems (the first 1,000 by row are stored), in row order" })
  @ApiOkResponse({ type: ImportProblemPageDto })
  problems(@Param('id', IdPipe) id: number, @Query() query: PageQuery) {
    return this.imports.problems(id, query);
  }

  @Get(':id/problems.csv')
  @Roles(Role.Admin)
  @ApiOperation({ summary: "A run's stored problems as CSV: row, column, value, reason" })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV, saved as import-<id>-problems.csv', schema: { type: 'string' } })
  async problemsCsv(@Param('id', IdPipe) id: number, @Res({ passthrough: true }) res: FastifyReply) {
    const csv = await this.imports.problemsCsv(id);
    replyAsText(res, 'text/csv; charset=utf-8', `import-${id}-problems.csv`);
    return csv;
  }
}
