import { Injectable } from '@nestjs/common';
import {
  Clock,
  InvalidInputError,
  minusOneYear,
  monthEnd,
  monthsBefore,
  NotFoundError,
  Service,
  SERVICES,
} from '@app/domain';
import {
  AreaDto,
  AreaQuery,
  Breakdown,
  BreakdownDto,
  ComparedServiceFiguresDto,
  GroupFiguresDto,
  OutlookDto,
  ServicesOutlookDto,
  ServiceFiguresDto,
  ServicesFiguresDto,
  SummaryDto,
  TrendDto,
  TrendPointDto,
} from './figures.dto';
import { inBatches } from './batches';
import { Area, FigureRow, FiguresRepository } from './figures.repository';
import { GroupBy } from './figures.sql';
import { PACE_MONTHS, projectOutlook } from './outlook';
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

  /**
   * National figures on `asOf` (default: today in London) and a year earlier, optionally as known at a
   * moment; or the same figures of one region's or CCG's practices.
   */
  async summary(asOf?: string, knownAt?: string, areaQuery: AreaQuery = {}): Promise<SummaryDto> {
    const date = asOf ?? this.clock.today();
    const previous = minusOneYear(date);
    const area = await this.area(areaQuery);
    const [now, before] = await this.totalsOn([date, previous], knownAt, undefined, 2, area?.area);
    return {
      asOf: date,
      knownAt: knownAt ?? null,
      practicesWithoutListSize: now[0].practicesWithoutListSize,
      previousYear: { asOf: previous, practicesWithoutListSize: before[0].practicesWithoutListSize },
      services: compareServices(now, before),
      ...(area && { area: area.dto }),
    };
  }

  /**
   * The same figures per region, CCG or clinical system; the groups add up to the national figures.
   * Within an area, the groups inside it (a region's CCGs; by region, the region's own row).
   */
  async breakdown(by: Breakdown, asOf?: string, knownAt?: string, areaQuery: AreaQuery = {}): Promise<BreakdownDto> {
    const date = asOf ?? this.clock.today();
    const previous = minusOneYear(date);
    const area = await this.area(areaQuery);
    if (by === 'region' && area?.area.kind === 'ccg')
      throw new InvalidInputError('by', 'by=region is not a breakdown of one CCG: use by=ccg or clinical-system');
    const q = { by: by as GroupBy, knownAt, area: area?.area };
    const [now, before] = await Promise.all([this.repo.figuresOn(date, q), this.repo.figuresOn(previous, q)]);
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
    return {
      by,
      asOf: date,
      knownAt: knownAt ?? null,
      previousAsOf: previous,
      groups,
      ...(area && { area: area.dto }),
    };
  }

  /** Month-end figures of one service, each month from `from` to `to` (YYYY-MM, inclusive), of England or an area. */
  async trend(
    from: string,
    to: string,
    service: Service,
    knownAt?: string,
    areaQuery: AreaQuery = {},
  ): Promise<TrendDto> {
    const months = monthsBetween(from, to);
    const area = await this.area(areaQuery);
    const rows = await this.totalsOn(months.map(monthEnd), knownAt, service, TREND_BATCHES, area?.area);
    const points = months.map((month, i): TrendPointDto => {
      const asOf = monthEnd(month);
      const [row] = rows[i];
      return { month, asOf, practicesWithoutListSize: row.practicesWithoutListSize, ...toServiceFigures(row) };
    });
    return { service, from, to, knownAt: knownAt ?? null, points, ...(area && { area: area.dto }) };
  }

  /**
   * Per service, on `asOf` (default: today): practices in scope, offering, still to go; the same six
   * months earlier; the net pace between; and the month every practice would offer it at that pace
   * (outlook.ts). The counts are the figures' own (practices.total and practices.enabled of the same
   * statement, through the same stored or computed path as the summary), so "in scope" and "offering"
   * have one definition.
   */
  async outlook(asOf?: string, knownAt?: string, areaQuery: AreaQuery = {}): Promise<OutlookDto> {
    const date = asOf ?? this.clock.today();
    const earlier = monthsBefore(date, PACE_MONTHS);
    const area = await this.area(areaQuery);
    const [now, before] = await this.totalsOn([date, earlier], knownAt, undefined, 2, area?.area);
    const services = {} as ServicesOutlookDto;
    for (const service of SERVICES) {
      const n = now.find((r) => r.service === service)!;
      const b = before.find((r) => r.service === service)!;
      const p = projectOutlook(date, n.practicesTotal, n.practicesEnabled, b.practicesEnabled);
      services[service] = {
        inScope: n.practicesTotal,
        offering: n.practicesEnabled,
        stillToGo: p.stillToGo,
        inScopeSixMonthsEarlier: b.practicesTotal,
        offeringSixMonthsEarlier: b.practicesEnabled,
        gained: p.gained,
        pacePerMonth: p.pacePerMonth,
        projectedMonth: p.projectedMonth,
        reason: p.reason,
      };
    }
    return {
      asOf: date,
      knownAt: knownAt ?? null,
      sixMonthsEarlier: earlier,
      services,
      ...(area && { area: area.dto }),
    };
  }

  /**
   * The region or CCG asked for (undefined: England), checked to exist: 404 naming the field otherwise,
   * and 400 naming ccgCode when both are given and the CCG is in another region.
   */
  async area(q: AreaQuery): Promise<{ area: Area; dto: AreaDto } | undefined> {
    if (q.ccgCode) {
      const ccg = await this.repo.ccg(q.ccgCode);
      if (!ccg) throw notFound('ccgCode', `No CCG ${q.ccgCode}`);
      if (q.regionCode && ccg.regionCode !== q.regionCode)
        throw new InvalidInputError('ccgCode', `CCG ${ccg.code} is in region ${ccg.regionCode}, not ${q.regionCode}`);
      return {
        area: { kind: 'ccg', code: ccg.code },
        dto: { regionCode: ccg.regionCode, ccgCode: ccg.code, name: ccg.name },
      };
    }
    if (!q.regionCode) return undefined;
    const region = await this.repo.region(q.regionCode);
    if (!region) throw notFound('regionCode', `No region ${q.regionCode}`);
    return {
      area: { kind: 'region', code: region.code },
      dto: { regionCode: region.code, ccgCode: null, name: region.name },
    };
  }

  /**
   * The totals of England or an area: rows of each date (in order), computed in up to `batches`
   * statements at once. England's figures without knownAt come from the stored figures where settled
   * (StoredFiguresRepository); an area's, and figures as known at a moment, are always computed
   * (docs/figures.md "Stored figures" says why).
   */
  private async totalsOn(
    dates: string[],
    knownAt: string | undefined,
    service: Service | undefined,
    batches: number,
    area?: Area,
  ): Promise<FigureRow[][]> {
    if (!knownAt && !area) {
      const rows = await this.stored.nationalOnDates(dates, service, batches);
      return dates.map((d) => rows.get(d)!);
    }
    const results = await Promise.all(
      inBatches(dates, batches).map((batch) =>
        this.repo.figuresOnDates(batch, { by: 'national', knownAt, service, area }),
      ),
    );
    const rows = new Map(results.flatMap((m) => [...m]));
    return dates.map((d) => rows.get(d)!);
  }
}

const notFound = (field: string, message: string) => new NotFoundError(message, [{ field, message }]);

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
