import {
  FigureCalculator,
  FigureEvent,
  FigureInput,
  computeFigures,
  computeServiceFigures,
  inScope,
  percent,
} from './figures.reference';

const ev = (
  practiceCode: string,
  level: FigureEvent['level'],
  effectiveDate: string,
  extra: Partial<FigureEvent> = {},
): FigureEvent => ({ practiceCode, service: 'records', level, effectiveDate, ...extra });

describe('percent (half away from zero, exact)', () => {
  it('gives one decimal by default', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(0, 5)).toBe(0);
    expect(percent(5, 5)).toBe(100);
  });

  it('rounds halves away from zero', () => {
    expect(percent(1, 16)).toBe(6.3); // 6.25
    expect(percent(3, 400)).toBe(0.8); // 0.75
    expect(percent(181, 200, 0)).toBe(91); // 90.5
    expect(percent(169, 200, 0)).toBe(85); // 84.5
    expect(percent(1, 200, 0)).toBe(1); // 0.5
    expect(percent(-1, 200, 0)).toBe(-1); // -0.5
    expect(percent(-1, 16)).toBe(-6.3);
    expect(percent(1, -16)).toBe(-6.3);
  });

  it('does not suffer binary floating point (1.005 → 1.01)', () => {
    expect(percent(201, 20000, 2)).toBe(1.01);
    expect((1.005).toFixed(2)).toBe('1.00'); // what a naive implementation would give
  });

  it('rounds just below a half down', () => {
    expect(percent(1809, 2000, 0)).toBe(90); // 90.45
    expect(percent(18099, 20000, 1)).toBe(90.5); // 90.495
    expect(percent(180989, 2000000, 1)).toBe(9.0); // 9.04945
  });

  it('is exact for large patient counts', () => {
    expect(percent(51_456_024, 56_546_274)).toBe(91);
    expect(percent(56_546_273, 56_546_274)).toBe(100);
    expect(percent(28_273_137, 56_546_274)).toBe(50); // exactly 50
  });

  it('gives null for a zero denominator', () => {
    expect(percent(0, 0)).toBeNull();
    expect(percent(3, 0)).toBeNull();
  });

  it('refuses non-integers', () => {
    expect(() => percent(0.5, 2)).toThrow();
  });
});

describe('practices in scope', () => {
  it('opens on its open date and closes on its close date', () => {
    const p = { code: 'A81001', openedOn: '2014-01-10', closedOn: '2014-06-01' };
    expect(inScope(p, '2014-01-09')).toBe(false);
    expect(inScope(p, '2014-01-10')).toBe(true);
    expect(inScope(p, '2014-05-31')).toBe(true);
    expect(inScope(p, '2014-06-01')).toBe(false);
    expect(inScope({ code: 'A81002' }, '1990-01-01')).toBe(true);
    expect(inScope({ code: 'A81002', openedOn: null, closedOn: null }, '2100-01-01')).toBe(true);
  });
});

describe('computeFigures', () => {
  const input: FigureInput = {
    practices: [
      { code: 'A00001', openedOn: '2000-01-01', closedOn: null }, // enabled
      { code: 'A00002', openedOn: null, closedOn: null }, // capable
      { code: 'A00003', openedOn: '2000-01-01' }, // not capable
      { code: 'A00004', openedOn: '2000-01-01' }, // no event: unknown
      { code: 'A00005', openedOn: '2000-01-01', closedOn: '2014-09-30' }, // closed on D: out
      { code: 'A00006', openedOn: '2014-10-01' }, // opens after D: out
      { code: 'A00007', openedOn: '2000-01-01' }, // enabled, no list size
    ],
    listSizes: [
      { practiceCode: 'A00001', effectiveDate: '2014-04-01', patients: 1000 },
      { practiceCode: 'A00001', effectiveDate: '2014-07-01', patients: 1100 },
      { practiceCode: 'A00001', effectiveDate: '2014-10-01', patients: 9999 }, // after D
      { practiceCode: 'A00002', effectiveDate: '2014-09-30', patients: 2000 }, // effective on D
      { practiceCode: 'A00003', effectiveDate: '2014-01-01', patients: 3000 },
      { practiceCode: 'A00004', effectiveDate: '2014-01-01', patients: 4000 },
      { practiceCode: 'A00005', effectiveDate: '2014-01-01', patients: 5000 },
      { practiceCode: 'A00006', effectiveDate: '2014-01-01', patients: 6000 },
      { practiceCode: 'A00007', effectiveDate: '2014-10-01', patients: 7000 }, // after D
    ],
    events: [
      ev('A00001', 'not_capable', '2013-01-01'),
      ev('A00001', 'enabled', '2014-09-30'), // effective on D counts
      ev('A00002', 'capable', '2013-05-01'),
      ev('A00002', 'enabled', '2014-10-01'), // after D
      ev('A00003', 'enabled', '2013-05-01'),
      ev('A00003', 'not_capable', '2014-01-01'), // a regression
      ev('A00005', 'enabled', '2013-01-01'),
      ev('A00006', 'enabled', '2014-10-01'),
      ev('A00007', 'enabled', '2014-01-01'),
      { practiceCode: 'A00004', service: 'appointments', level: 'enabled', effectiveDate: '2013-01-01' },
    ],
  };

  it('follows DESIGN.md on a small case', () => {
    const f = computeServiceFigures(input, '2014-09-30', 'records');
    expect(f.practices).toEqual({ total: 5, capable: 3, enabled: 2, unknown: 1 });
    expect(f.patients).toEqual({ total: 1100 + 2000 + 3000 + 4000, atCapable: 3100, atEnabled: 1100 });
    expect(f.practicesWithoutListSize).toBe(1);
    expect(f.percentages).toEqual({
      practicesCapable: 60,
      practicesEnabled: 40,
      patientsAtCapable: 30.7, // 3100 / 10100 = 30.69…
      patientsAtEnabled: 10.9, // 1100 / 10100 = 10.89…
    });
  });

  it('keeps services apart', () => {
    const [appointments] = computeFigures(input, '2014-09-30', { services: ['appointments'] });
    expect(appointments.practices).toEqual({ total: 5, capable: 1, enabled: 1, unknown: 4 });
    expect(appointments.patients.atEnabled).toBe(4000);
  });

  it('gives null percentages for zero denominators', () => {
    const none = computeServiceFigures(input, '1999-12-31', 'records'); // only A00002 (no open date) in scope
    expect(none.practices.total).toBe(1);
    expect(none.practices.unknown).toBe(1);
    expect(none.patients.total).toBe(0);
    expect(none.practicesWithoutListSize).toBe(1);
    expect(none.percentages.practicesCapable).toBe(0);
    expect(none.percentages.patientsAtEnabled).toBeNull();
    const empty = computeServiceFigures({ practices: [], listSizes: [], events: [] }, '2014-09-30', 'records');
    expect(empty.practices).toEqual({ total: 0, capable: 0, enabled: 0, unknown: 0 });
    expect(Object.values(empty.percentages)).toEqual([null, null, null, null]);
  });

  it('counts a practice with no events in the total only', () => {
    const f = computeServiceFigures(
      {
        practices: [{ code: 'A00001' }, { code: 'A00002' }],
        listSizes: [],
        events: [ev('A00001', 'enabled', '2014-01-01')],
      },
      '2014-09-30',
      'records',
    );
    expect(f.practices).toEqual({ total: 2, capable: 1, enabled: 1, unknown: 1 });
    expect(f.percentages.practicesEnabled).toBe(50);
  });

  it('breaks ties of effective date by recorded-at, then id, then input order', () => {
    const practices = [{ code: 'A00001' }];
    const level = (events: FigureEvent[], knownAt?: string) =>
      new FigureCalculator({ practices, listSizes: [], events }, knownAt).levelAsOf('A00001', 'records', '2014-06-01');
    // input order when nothing else differs
    expect(level([ev('A00001', 'capable', '2014-01-01'), ev('A00001', 'enabled', '2014-01-01')])).toBe('enabled');
    expect(level([ev('A00001', 'enabled', '2014-01-01'), ev('A00001', 'capable', '2014-01-01')])).toBe('capable');
    // the latest recorded-at wins whatever the order, also across time zones
    expect(
      level([
        ev('A00001', 'enabled', '2014-01-01', { recordedAt: '2014-02-01T10:00:00+01:00' }), // 09:00Z
        ev('A00001', 'capable', '2014-01-01', { recordedAt: '2014-02-01T09:30:00Z' }),
      ]),
    ).toBe('capable');
    // the highest id when recorded-at is the same
    expect(
      level([
        ev('A00001', 'enabled', '2014-01-01', { recordedAt: '2014-02-01T09:00:00Z', id: 7 }),
        ev('A00001', 'capable', '2014-01-01', { recordedAt: '2014-02-01T09:00:00Z', id: 3 }),
      ]),
    ).toBe('enabled');
    // a later effective date beats a later recorded-at
    expect(
      level([
        ev('A00001', 'enabled', '2014-01-02', { recordedAt: '2014-01-02T00:00:00Z', id: 1 }),
        ev('A00001', 'capable', '2014-01-01', { recordedAt: '2015-01-01T00:00:00Z', id: 2 }),
      ]),
    ).toBe('enabled');
  });

  it('reproduces a figure as known at an earlier time (back-dated corrections)', () => {
    const events = [
      ev('A00001', 'enabled', '2014-01-01', { recordedAt: '2014-01-05T12:00:00Z', id: 1 }),
      // recorded in March, back-dated to February: the practice had in fact stopped
      ev('A00001', 'capable', '2014-02-01', { recordedAt: '2014-03-10T12:00:00Z', id: 2 }),
    ];
    const input2 = { practices: [{ code: 'A00001' }], listSizes: [], events };
    expect(computeServiceFigures(input2, '2014-02-28', 'records').practices.enabled).toBe(0);
    expect(
      computeServiceFigures(input2, '2014-02-28', 'records', { knownAt: '2014-03-01T00:00:00Z' }).practices.enabled,
    ).toBe(1);
    expect(
      computeServiceFigures(input2, '2014-02-28', 'records', { knownAt: '2014-03-10T12:00:00Z' }).practices.enabled,
    ).toBe(0);
    expect(
      computeServiceFigures(input2, '2013-12-31', 'records', { knownAt: '2014-03-01T00:00:00Z' }).practices.unknown,
    ).toBe(1);
    expect(() =>
      computeFigures({ ...input2, events: [ev('A00001', 'enabled', '2014-01-01')] }, '2014-02-28', {
        knownAt: '2014-03-01T00:00:00Z',
      }),
    ).toThrow();
  });

  it('takes the latest list size effective on or before D, the later input on a tie', () => {
    const calc = new FigureCalculator({
      practices: [{ code: 'A00001' }],
      listSizes: [
        { practiceCode: 'A00001', effectiveDate: '2014-04-01', patients: 10 },
        { practiceCode: 'A00001', effectiveDate: '2014-01-01', patients: 5 },
        { practiceCode: 'A00001', effectiveDate: '2014-04-01', patients: 12 },
        { practiceCode: 'A00001', effectiveDate: '2014-07-01', patients: 0 },
      ],
      events: [],
    });
    expect(calc.listSizeOn('A00001', '2013-12-31')).toBeNull();
    expect(calc.listSizeOn('A00001', '2014-01-01')).toBe(5);
    expect(calc.listSizeOn('A00001', '2014-06-30')).toBe(12);
    expect(calc.listSizeOn('A00001', '2014-07-01')).toBe(0); // a zero list size is a list size
    expect(calc.compute('2014-07-01', ['records'])[0].practicesWithoutListSize).toBe(0);
    expect(calc.compute('2013-07-01', ['records'])[0].practicesWithoutListSize).toBe(1);
  });

  it('rejects unknown services, levels and dates', () => {
    const bad = (e: Partial<FigureEvent>) => () =>
      computeFigures(
        { practices: [], listSizes: [], events: [{ ...ev('A00001', 'enabled', '2014-01-01'), ...e }] },
        '2014-01-01',
      );
    expect(bad({ service: 'online' as never })).toThrow(/service/);
    expect(bad({ level: 'unknown' as never })).toThrow(/level/);
    expect(bad({ effectiveDate: '2014-02-30' })).toThrow(/calendar date/);
  });

  it('breaks down into groups that add up to the national figures', () => {
    const calc = new FigureCalculator(input);
    const groups = calc.computeBy('2014-09-30', (p) => (p.code < 'A00003' ? 'north' : 'south'), ['records']);
    const national = calc.compute('2014-09-30', ['records'])[0];
    const parts = [...groups.values()].map((g) => g[0]);
    const sum = (f: (x: typeof national) => number) => parts.reduce((a, x) => a + f(x), 0);
    expect(sum((x) => x.practices.total)).toBe(national.practices.total);
    expect(sum((x) => x.practices.capable)).toBe(national.practices.capable);
    expect(sum((x) => x.practices.enabled)).toBe(national.practices.enabled);
    expect(sum((x) => x.practices.unknown)).toBe(national.practices.unknown);
    expect(sum((x) => x.patients.total)).toBe(national.patients.total);
    expect(sum((x) => x.patients.atEnabled)).toBe(national.patients.atEnabled);
    expect(sum((x) => x.practicesWithoutListSize)).toBe(national.practicesWithoutListSize);
  });
});
