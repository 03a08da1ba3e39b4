import { Injectable } from '@nestjs/common';
import { Clock, InvalidInputError, minusOneYear, monthEnd, Service, SERVICES } from '@app/common';
import {
  Breakdown,
  BreakdownDto,
  ComparedServiceFiguresDto,
  GroupFiguresDto,
  ServiceFiguresDto,
  ServicesFiguresDto,
  SummaryDto,
  TrendDto,
  TrendPointDto,
} from './figures.dto';
import { inBatches } from './batches';
import { FigureRow, FiguresRepository } from './figures.repository';
import { pointsChange } from './percent';
import { StoredFiguresRepository } from './stored-figures.repository';

/** A trend may span at most this many months (ten years: one statement per month). */
export const MAX_TREND_MONTHS = 120;
/**
 * A trend's month-ends are split into this many batches, each one statement on its own pooled
 * connection, run at the same time. On two cores one batch took twice as long as two to six, which
 * measured alike within the noise; three leaves room when one core is busy.
 */
export const TREND_BATCHES = 3;

/**
 * The roll-up figures of DESIGN.md "Figures": national summary, breakdowns and monthly trend. Each
 * figure is one SQL statement per date (figures.sql.ts); this class picks the dates and shapes the answer.
 * Also the entry point for the worker's month-end snapshot: `summary(monthEnd, knownAt)`.
 */
@Injectable()
export class FiguresService {
  constructor(
    private readonly repo: FiguresRepository,
    private readonly stored: StoredFiguresRepository,
    private readonly clock: Clock,
  ) {}

  /** National figures on `asOf` (default: today in London) and a year earlier, optionally as known at a moment. */
  async summary(asOf?: string, knownAt?: string): Promise<SummaryDto> {
    const date = asOf ?? this.clock.today();
    const previous = minusOneYear(date);
    const [now, before] = await this.nationalOn([date, previous], knownAt, undefined, 2);
    return {
      asOf: date,
      knownAt: knownAt ?? null,
      practicesWithoutListSize: now[0].practicesWithoutListSize,
      previousYear: { asOf: previous, practicesWithoutListSize: before[0].practicesWithoutListSize },
      services: compareServices(now, before),
    };
  }

  /** The same figures per region, CCG or clinical system; the groups add up to the national figures. */
  async breakdown(by: Breakdown, asOf?: string, knownAt?: string): Promise<BreakdownDto> {
    const date = asOf ?? this.clock.today();
    const previous = minusOneYear(date);
    const [now, before] = await Promise.all([
      this.repo.figuresOn(date, { by, knownAt }),
      this.repo.figuresOn(previous, { by, knownAt }),
    ]);
    const groups: GroupFiguresDto[] = [];
    const previousByCode = byCode(before);
    for (const [code, rows] of byCode(now)) {
      const earlier = previousByCode.get(code) ?? [];
      groups.push({
        code,
        name: rows[0].name,
        practicesWithoutListSize: rows[0].practicesWithoutListSize,
        previousYear: { asOf: previous, practicesWithoutListSize: earlier[0]?.practicesWithoutListSize ?? 0 },
        services: compareServices(rows, earlier),
      });
    }
    return { by, asOf: date, knownAt: knownAt ?? null, previousAsOf: previous, groups };
  }

  /** Month-end figures of one service for each month from `from` to `to` (YYYY-MM, inclusive). */
  async trend(from: string, to: string, service: Service, knownAt?: string): Promise<TrendDto> {
    const months = monthsBetween(from, to);
    const rows = await this.nationalOn(months.map(monthEnd), knownAt, service, TREND_BATCHES);
    const points = months.map((month, i): TrendPointDto => {
      const asOf = monthEnd(month);
      const [row] = rows[i];
      return { month, asOf, practicesWithoutListSize: row.practicesWithoutListSize, ...toServiceFigures(row) };
    });
    return { service, from, to, knownAt: knownAt ?? null, points };
  }

  /**
   * National rows of each date (in order), computed in up to `batches` statements at once. Without
   * knownAt, settled dates come from the stored figures (StoredFiguresRepository); figures as known at a
   * moment are always computed (they are asked for rarely, and each moment would be its own store).
   */
  private async nationalOn(
    dates: string[],
    knownAt: string | undefined,
    service: Service | undefined,
    batches: number,
  ): Promise<FigureRow[][]> {
    if (!knownAt) {
      const rows = await this.stored.nationalOnDates(dates, service, batches);
      return dates.map((d) => rows.get(d)!);
    }
    const results = await Promise.all(
      inBatches(dates, batches).map((batch) => this.repo.figuresOnDates(batch, { by: 'national', knownAt, service })),
    );
    const rows = new Map(results.flatMap((m) => [...m]));
    return dates.map((d) => rows.get(d)!);
  }
}

export function toServiceFigures(r: FigureRow): ServiceFiguresDto {
  return {
    practices: {
      total: r.practicesTotal,
      capable: r.practicesCapable,
      enabled: r.practicesEnabled,
      unknown: r.practicesUnknown,
    },
    patients: { total: r.patientsTotal, atCapable: r.patientsAtCapable, atEnabled: r.patientsAtEnabled },
    practicesCapablePct: r.practicesCapablePct,
    practicesEnabledPct: r.practicesEnabledPct,
    patientsAtCapablePct: r.patientsAtCapablePct,
    patientsAtEnabledPct: r.patientsAtEnabledPct,
  };
}

/**
 * Each service's figures beside last year's and the change. Built property by property, without
 * spreading or Object.fromEntries: a CCG breakdown makes 1,266 of these per request, and this was a
 * tenth of the API's own time per request (profiled).
 */
function compareServices(now: FigureRow[], before: FigureRow[]): ServicesFiguresDto {
  const services = {} as Record<Service, ComparedServiceFiguresDto>;
  for (const service of SERVICES) {
    const c = now.find((r) => r.service === service)!;
    const previousYear = toServiceFigures(before.find((r) => r.service === service)!);
    // This year's figures, then the comparison added to the same object (keys in the documented order).
    const compared = toServiceFigures(c) as ComparedServiceFiguresDto;
    compared.previousYear = previousYear;
    compared.change = {
      practicesCapablePct: pointsChange(c.practicesCapablePct, previousYear.practicesCapablePct),
      practicesEnabledPct: pointsChange(c.practicesEnabledPct, previousYear.practicesEnabledPct),
      patientsAtCapablePct: pointsChange(c.patientsAtCapablePct, previousYear.patientsAtCapablePct),
      patientsAtEnabledPct: pointsChange(c.patientsAtEnabledPct, previousYear.patientsAtEnabledPct),
    };
    services[service] = compared;
  }
  return services;
}

function byCode(rows: FigureRow[]): Map<string, FigureRow[]> {
  const groups = new Map<string, FigureRow[]>();
  for (const r of rows) {
    const group = groups.get(r.code);
    if (group) group.push(r);
    else groups.set(r.code, [r]);
  }
  return groups;
}

/** The months from..to inclusive; 400 naming the field when the range is reversed or too long. */
export function monthsBetween(from: string, to: string): string[] {
  const index = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
  const count = index(to) - index(from) + 1;
  if (count < 1) throw new InvalidInputError('to', `to (${to}) must not be before from (${from})`);
  if (count > MAX_TREND_MONTHS)
    throw new InvalidInputError('to', `a trend spans at most ${MAX_TREND_MONTHS} months; ${from} to ${to} is ${count}`);
  return Array.from({ length: count }, (_, i) => {
    const k = index(from) + i;
    return `${String(Math.floor(k / 12)).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}
