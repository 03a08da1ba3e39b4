import { Injectable } from '@nestjs/common';
import { InvalidInputError, NotFoundError } from '@app/domain';
import { AppConfig } from '@app/config';
import { recordsToCsv } from '@app/http';
import { BarrierReportDto, BarrierReportQuery } from './barrier-report.dto';
import { BarrierReportRepository } from './barrier-report.repository';

const notFound = (field: string, message: string) => new NotFoundError(message, [{ field, message }]);

/** GET /reports/barriers: which barriers practices report, by service, by category or region. */
@Injectable()
export class BarrierReportService {
  constructor(
    private readonly repo: BarrierReportRepository,
    private readonly config: AppConfig,
  ) {}

  async report(q: BarrierReportQuery): Promise<BarrierReportDto> {
    if (q.from && q.to && q.from > q.to) throw new InvalidInputError('to', `to ${q.to} is before from ${q.from}`);
    if (q.regionCode && !(await this.repo.regionExists(q.regionCode)))
      throw notFound('regionCode', `No region ${q.regionCode}`);
    if (q.ccgCode && !(await this.repo.ccgExists(q.ccgCode))) throw notFound('ccgCode', `No CCG ${q.ccgCode}`);
    const filter = {
      service: q.service ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
      timeZone: this.config.APP_TIME_ZONE,
      regionCode: q.regionCode ?? null,
      ccgCode: q.ccgCode ?? null,
    };
    const [rows, totals] = await Promise.all([
      q.by === 'region' ? this.repo.byRegion(filter) : this.repo.byCategory(filter),
      this.repo.totals(filter),
    ]);
    const { service, from, to, regionCode, ccgCode } = filter;
    return { by: q.by, service, from, to, regionCode, ccgCode, rows, totals };
  }

  toCsv(report: BarrierReportDto): string {
    const columns =
      report.by === 'region'
        ? (['regionCode', 'regionName', 'service', 'category', 'practices', 'barriers'] as const)
        : (['service', 'category', 'practices', 'barriers'] as const);
    return recordsToCsv(columns, report.rows);
  }
}
