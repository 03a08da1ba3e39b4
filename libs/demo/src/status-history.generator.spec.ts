import * as path from 'path';
import { readDemoData } from './demo-data.reader';
import { FigureCalculator, ServiceFigures, percent, SERVICES } from './figures.reference';
import {
  BARRIER_CATEGORIES,
  DEFAULT_SEED,
  GeneratedEvent,
  HISTORY_END,
  HISTORY_START,
  generateDemoBarriers,
  generateStatusHistory,
  historyMonthEnds,
} from './status-history.generator';

const data = readDemoData(path.resolve(__dirname, '../../../data/demo'));

/** The article's figures, whole per cent, from raw numerators and denominators. */
function article(figures: ServiceFigures[]) {
  const by = Object.fromEntries(figures.map((f) => [f.service, f]));
  const whole = (n: number, d: number) => percent(n, d, 0);
  return {
    practicesCapable: SERVICES.map((s) => whole(by[s].practices.capable, by[s].practices.total)),
    patientsAtEnabled: SERVICES.map((s) => whole(by[s].patients.atEnabled, by[s].patients.total)),
    practicesEnabled1dp: SERVICES.map((s) => percent(by[s].practices.enabled, by[s].practices.total, 1)),
  };
}

describe('generateStatusHistory on the shipped demo data', () => {
  let events: GeneratedEvent[];
  let calc: FigureCalculator;
  beforeAll(() => {
    events = generateStatusHistory(data.practices, data.listSizes, DEFAULT_SEED);
    calc = new FigureCalculator({ practices: data.practices, listSizes: data.listSizes, events });
  });

  it('gives the published figures at the end of September 2014', () => {
    const figures = calc.compute('2014-09-30');
    const a = article(figures);
    expect(a.practicesCapable).toEqual([99, 98, 84]);
    expect(a.patientsAtEnabled).toEqual([91, 88, 21]);
    for (const f of figures) {
      expect(f.practices.unknown).toBe(0);
      expect(f.percentages.practicesCapable).toBe({ appointments: 99, prescriptions: 98, records: 84 }[f.service]);
      expect(f.percentages.patientsAtEnabled).toBe({ appointments: 91, prescriptions: 88, records: 21 }[f.service]);
    }
  });

  it('gives the published figures at the same point of the previous year', () => {
    expect(article(calc.compute('2013-09-30')).patientsAtEnabled).toEqual([64, 64, 2]);
  });

  it('gives the practices offering on 31 March 2015 to one decimal', () => {
    expect(article(calc.compute('2015-03-31')).practicesEnabled1dp).toEqual([98.7, 97.4, 96.8]);
  });

  it('progresses month by month: enabled practices rise, with only small dips', () => {
    const months = historyMonthEnds();
    expect(months[0]).toBe('2013-01-31');
    expect(months[months.length - 1]).toBe('2015-06-30');
    const all = months.map((m) => calc.compute(m));
    SERVICES.forEach((service, s) => {
      const series = all.map((figures) => figures[s]);
      expect(series.every((f) => f.service === service)).toBe(true);
      const enabled = series.map((f) => f.practices.enabled / f.practices.total);
      const dips = enabled.filter((x, i) => i > 0 && x < enabled[i - 1] - 0.002);
      expect(dips).toEqual([]);
      expect(enabled[enabled.length - 1] - enabled[0]).toBeGreaterThan(0.4);
      expect(Math.max(...series.map((f) => f.practices.unknown))).toBeLessThanOrEqual(10);
    });
  });

  it('keeps every event within the history and the practice open', () => {
    const practice = new Map(data.practices.map((p) => [p.code, p]));
    const seen = new Set<string>();
    const problems: string[] = [];
    events.forEach((e, i) => {
      const p = practice.get(e.practiceCode);
      const where = JSON.stringify(e);
      if (!p) return problems.push(`unknown practice ${where}`);
      if (e.effectiveDate < HISTORY_START || e.effectiveDate > HISTORY_END) problems.push(`outside history ${where}`);
      if (p.openedOn && e.effectiveDate < p.openedOn) problems.push(`before opening ${where}`);
      if (p.closedOn && e.effectiveDate >= p.closedOn) problems.push(`after closing ${where}`);
      const key = `${e.practiceCode} ${e.service} ${e.effectiveDate}`;
      if (seen.has(key)) problems.push(`same-day tie ${where}`); // no ties to break when loading
      seen.add(key);
      if (i > 0 && e.effectiveDate < events[i - 1].effectiveDate) problems.push(`out of date order ${where}`);
    });
    expect(problems).toEqual([]);
  });

  it('mostly climbs not capable → capable → enabled, with a few regressions', () => {
    const rank = { not_capable: 0, capable: 1, enabled: 2 } as const;
    const last = new Map<string, number>();
    let ups = 0;
    let downs = 0;
    for (const e of events) {
      const key = `${e.practiceCode} ${e.service}`;
      const before = last.get(key);
      if (before !== undefined) {
        if (rank[e.level] > before) ups++;
        else if (rank[e.level] < before) downs++;
      }
      last.set(key, rank[e.level]);
    }
    expect(downs).toBeGreaterThan(0);
    expect(downs).toBeLessThan(ups / 20);
  });

  it('is deterministic, whatever the input order', () => {
    const same = (a: GeneratedEvent[], b: GeneratedEvent[]) => JSON.stringify(a) === JSON.stringify(b);
    expect(same(generateStatusHistory(data.practices, data.listSizes, DEFAULT_SEED), events)).toBe(true);
    const reversed = generateStatusHistory([...data.practices].reverse(), [...data.listSizes].reverse(), DEFAULT_SEED);
    expect(same(reversed, events)).toBe(true);
  });

  it('gives another history with the same figures for another seed', () => {
    const other = generateStatusHistory(data.practices, data.listSizes, 7);
    expect(JSON.stringify(other) === JSON.stringify(events)).toBe(false);
    const otherCalc = new FigureCalculator({ practices: data.practices, listSizes: data.listSizes, events: other });
    expect(article(otherCalc.compute('2014-09-30')).practicesCapable).toEqual([99, 98, 84]);
    expect(article(otherCalc.compute('2014-09-30')).patientsAtEnabled).toEqual([91, 88, 21]);
    expect(article(otherCalc.compute('2013-09-30')).patientsAtEnabled).toEqual([64, 64, 2]);
  });

  it('gives a few barriers, suited to the level, for practices not offering a service', () => {
    const barriers = generateDemoBarriers(data.practices, events, '2015-03-31', DEFAULT_SEED, 12);
    expect(barriers).toHaveLength(12);
    expect(generateDemoBarriers(data.practices, events, '2015-03-31', DEFAULT_SEED, 12)).toEqual(barriers);
    expect(new Set(barriers.map((b) => b.practiceCode)).size).toBe(12);
    for (const b of barriers) {
      expect(BARRIER_CATEGORIES).toContain(b.category);
      expect(b.detail.length).toBeGreaterThan(10);
      const level = calc.levelAsOf(b.practiceCode, b.service, '2015-03-31');
      expect(['not_capable', 'capable']).toContain(level);
      if (level === 'not_capable') expect(['system_not_capable', 'awaiting_supplier']).toContain(b.category);
      if (b.category === 'record_redaction') expect(b.service).toBe('records');
    }
  });
});

describe('generateStatusHistory on small inputs', () => {
  it('starts a practice opened later at or after its open date', () => {
    const practices = [
      { code: 'A00001', openedOn: '1990-01-01' },
      { code: 'A00002', openedOn: '2014-05-17' },
      { code: 'A00003', openedOn: '2015-07-01' }, // after the history: no events
      { code: 'A00004', openedOn: '1990-01-01', closedOn: '2013-06-01' },
    ];
    const listSizes = practices.map((p) => ({ practiceCode: p.code, effectiveDate: '2013-04-01', patients: 5000 }));
    const events = generateStatusHistory(practices, listSizes, 1, [
      {
        date: '2013-01-01',
        services: {
          appointments: { capable: { by: 'practices', percent: 50 }, enabled: { by: 'practices', percent: 0 } },
          prescriptions: { capable: { by: 'practices', percent: 0 }, enabled: { by: 'practices', percent: 0 } },
          records: { capable: { by: 'practices', percent: 0 }, enabled: { by: 'practices', percent: 0 } },
        },
      },
      {
        date: '2015-06-30',
        services: {
          appointments: { capable: { by: 'practices', percent: 100 }, enabled: { by: 'patients', percent: 100 } },
          prescriptions: { capable: { by: 'practices', percent: 50 }, enabled: { by: 'practices', percent: 50 } },
          records: { capable: { by: 'practices', percent: 0 }, enabled: { by: 'practices', percent: 0 } },
        },
      },
    ]);
    expect(events.filter((e) => e.practiceCode === 'A00003')).toEqual([]);
    expect(events.filter((e) => e.practiceCode === 'A00004').every((e) => e.effectiveDate === '2013-01-01')).toBe(true);
    const late = events.filter((e) => e.practiceCode === 'A00002');
    expect(late).toHaveLength(3);
    for (const e of late) expect(e.effectiveDate >= '2014-05-17' && e.effectiveDate <= '2015-06-30').toBe(true);
    const calc = new FigureCalculator({ practices, listSizes, events });
    const [a, p, r] = calc.compute('2015-06-30');
    expect(a.practices).toEqual({ total: 2, capable: 2, enabled: 2, unknown: 0 });
    expect(p.practices.enabled).toBe(1);
    expect(r.practices.capable).toBe(0);
  });

  it('refuses targets it cannot reach', () => {
    const practices = [{ code: 'A00001' }, { code: 'A00002' }, { code: 'A00003' }];
    const schedule = [
      {
        date: '2013-01-01',
        services: {
          appointments: {
            capable: { by: 'practices' as const, percent: 50 },
            enabled: { by: 'practices' as const, percent: 0 },
          },
          prescriptions: {
            capable: { by: 'practices' as const, percent: 0 },
            enabled: { by: 'practices' as const, percent: 0 },
          },
          records: {
            capable: { by: 'practices' as const, percent: 0 },
            enabled: { by: 'practices' as const, percent: 0 },
          },
        },
      },
    ];
    expect(() => generateStatusHistory(practices, [], 1, schedule)).toThrow(/cannot reach 50%/);
    expect(() => generateStatusHistory([...practices, { code: 'A00001' }], [], 1)).toThrow(/duplicate/);
  });
});
