import { projectOutlook } from './outlook';

describe('outlook arithmetic', () => {
  it('projects the month of asOf plus ⌈still to go × 6 ÷ gained⌉ months', () => {
    // 100 to go at 60 in six months (10 a month): exactly 10 months.
    expect(projectOutlook('2014-09-30', 1000, 900, 840)).toEqual({
      stillToGo: 100,
      gained: 60,
      pacePerMonth: 10,
      projectedMonth: '2015-07',
      reason: null,
    });
    // 7 to go at 4 in six months: 10.5 months, rounded up to 11; the pace shown to one decimal.
    expect(projectOutlook('2014-09-30', 100, 93, 89)).toMatchObject({
      stillToGo: 7,
      pacePerMonth: 0.7,
      projectedMonth: '2015-08',
    });
    // One to go at 1 in six months: 6 months, not 5 (0.2 a month shown, the month from the exact count).
    expect(projectOutlook('2014-01-31', 10, 9, 8)).toMatchObject({ pacePerMonth: 0.2, projectedMonth: '2014-07' });
  });

  it('gives the month of asOf when none are left, even with no progress', () => {
    expect(projectOutlook('2014-09-30', 50, 50, 50)).toMatchObject({ stillToGo: 0, projectedMonth: '2014-09' });
    expect(projectOutlook('2014-09-30', 0, 0, 3)).toMatchObject({ stillToGo: 0, projectedMonth: '2014-09' });
  });

  it('gives no month, with the reason, when the pace is zero or negative', () => {
    const flat = projectOutlook('2014-09-30', 100, 90, 90);
    expect(flat).toMatchObject({ stillToGo: 10, gained: 0, pacePerMonth: 0, projectedMonth: null });
    expect(flat.reason).toMatch(/never reached/);
    const falling = projectOutlook('2014-09-30', 100, 87, 90);
    expect(falling).toMatchObject({ gained: -3, pacePerMonth: -0.5, projectedMonth: null });
    expect(falling.reason).toMatch(/^fewer practices offered it/);
  });
});
