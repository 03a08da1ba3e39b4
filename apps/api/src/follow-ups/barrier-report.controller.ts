import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { READERS } from '@app/domain';
import { Roles } from '@app/http';
import { BarrierReportDto, BarrierReportQuery, BarrierReportService } from '@app/follow-ups';
import { replyAsText } from '../http/text-reply';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/barriers')
export class BarrierReportController {
  constructor(private readonly report: BarrierReportService) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Practices reporting each barrier, by service, by category or region (JSON or CSV)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: BarrierReportDto })
  async get(
    @Query() query: BarrierReportQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const report = await this.report.report(query);
    const csv = query.format === 'csv' || (query.format === undefined && /\btext\/csv\b/.test(accept ?? ''));
    if (!csv) return report;
    replyAsText(res, 'text/csv; charset=utf-8', `barriers-by-${report.by}.csv`);
    return this.report.toCsv(report);
  }
}
