import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * What the month-end snapshot stores. The lead binds this to FiguresService.summary(asOf) (libs/figures)
 * once merged; until then CountingMonthEndFigures keeps the job testable.
 */
export interface MonthEndFigures {
  compute(asOf: string): Promise<object>;
}
export const MONTH_END_FIGURES = Symbol('MONTH_END_FIGURES');

/**
 * A stand-in: per service, practices in scope on the date and how many were capable and enabled then
 * (DESIGN.md "Figures", practice counts only).
 */
@Injectable()
export class CountingMonthEndFigures implements MonthEndFigures {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async compute(asOf: string): Promise<object> {
    const rows: { service: string; total: number; capable: number; enabled: number }[] = await this.db.query(
      `WITH in_scope AS (
         SELECT id FROM practice WHERE (opened_on IS NULL OR opened_on <= $1::date) AND (closed_on IS NULL OR closed_on > $1::date)
       )
       SELECT s.service::text AS service, count(p.id)::int AS total,
              count(sp.level) FILTER (WHERE sp.level >= 'capable')::int AS capable,
              count(sp.level) FILTER (WHERE sp.level = 'enabled')::int AS enabled
       FROM unnest(enum_range(NULL::service)) AS s(service)
       CROSS JOIN in_scope p
       LEFT JOIN status_span sp ON sp.practice_id = p.id AND sp.service = s.service
            AND sp.valid_from <= $1::date AND (sp.valid_to IS NULL OR sp.valid_to > $1::date)
       GROUP BY s.service ORDER BY s.service`,
      [asOf],
    );
    return { asOf, source: 'practice counts (stand-in until FiguresService is bound)', services: Object.fromEntries(rows.map(({ service, ...r }) => [service, { practices: r }])) };
  }
}
