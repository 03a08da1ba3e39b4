import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { READERS } from '@app/domain';
import { Roles } from '@app/http';
import { replyAsText } from '../http/text-reply';
import {
  AreaDto,
  BreakdownDto,
  breakdownCsv,
  BreakdownQuery,
  FiguresService,
  OutlookDto,
  OutlookQuery,
  progressInNumbers,
  SummaryDto,
  SummaryQuery,
  TrendDto,
  trendCsv,
  TrendQuery,
} from '@app/figures';

/** `format` wins; otherwise the Accept header may ask for the text form. */
const wants = (format: string | undefined, accept: string | undefined, alternative: 'csv' | 'text') =>
  format ? format === alternative : (accept ?? '').includes(alternative === 'csv' ? 'text/csv' : 'text/plain');

/** An area's code in a download's file name ("Y54-", "00C-"); nothing for England. */
const areaPart = (area: AreaDto | undefined) => (area ? `${area.ccgCode ?? area.regionCode}-` : '');

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly figures: FiguresService) {}

  @Get('summary')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'Figures of England, a region or a CCG on a date and a year earlier (JSON, or the "Progress in numbers" text)',
  })
  @ApiOkResponse({ type: SummaryDto })
  @ApiProduces('application/json', 'text/plain')
  async summary(
    @Query() q: SummaryQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const summary = await this.figures.summary(q.asOf, q.knownAt, q);
    if (!wants(q.format, accept, 'text')) return summary;
    replyAsText(res, 'text/plain; charset=utf-8');
    return progressInNumbers(summary);
  }

  @Get('breakdown')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'The same figures per region, CCG or clinical system, of England or within a region or CCG (JSON or CSV)',
  })
  @ApiOkResponse({ type: BreakdownDto })
  @ApiProduces('application/json', 'text/csv')
  async breakdown(
    @Query() q: BreakdownQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const breakdown = await this.figures.breakdown(q.by, q.asOf, q.knownAt, q);
    if (!wants(q.format, accept, 'csv')) return breakdown;
    replyAsText(res, 'text/csv; charset=utf-8', `figures-${areaPart(breakdown.area)}by-${q.by}-${breakdown.asOf}.csv`);
    return breakdownCsv(breakdown);
  }

  @Get('trend')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Month-end figures of one service for each month of a range, of England, a region or a CCG (JSON or CSV)',
  })
  @ApiOkResponse({ type: TrendDto })
  @ApiProduces('application/json', 'text/csv')
  async trend(
    @Query() q: TrendQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const trend = await this.figures.trend(q.from, q.to, q.service, q.knownAt, q);
    if (!wants(q.format, accept, 'csv')) return trend;
    replyAsText(res, 'text/csv; charset=utf-8', `trend-${areaPart(trend.area)}${q.service}-${q.from}-${q.to}.csv`);
    return trendCsv(trend);
  }

  @Get('outlook')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'Per service: practices still to go, the net pace over six months and the month every practice would offer it',
  })
  @ApiOkResponse({ type: OutlookDto })
  outlook(@Query() q: OutlookQuery): Promise<OutlookDto> {
    return this.figures.outlook(q.asOf, q.knownAt, q);
  }
}
