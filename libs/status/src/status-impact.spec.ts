import { monthEndsDecided, monthEndsLookingBackAt } from './status-impact';

describe('month-ends a back-dated status event changes', () => {
  const today = '2026-12-07';

  it('runs from the month-end of the effective date to the last one before today, with no next change', () => {
    expect(monthEndsDecided({ from: '2014-03-03', until: null }, today)).toEqual({
      first: '2014-03-31',
      last: '2026-11-30',
      count: 153,
    });
  });

  it('stops before the next recorded change (or close date), which decides its own days', () => {
    expect(monthEndsDecided({ from: '2014-03-03', until: '2014-06-30' }, today)).toEqual({
      first: '2014-03-31',
      last: '2014-05-31',
      count: 3,
    });
    expect(monthEndsDecided({ from: '2014-03-03', until: '2014-07-01' }, today)?.last).toBe('2014-06-30');
  });

  it('is none when no month ends in the days decided, or none has ended yet', () => {
    expect(monthEndsDecided({ from: '2014-03-03', until: '2014-03-31' }, today)).toBeNull();
    expect(monthEndsDecided({ from: '2026-12-01', until: null }, today)).toBeNull();
    // Today is a month's last day: its figures are not published until tomorrow.
    expect(monthEndsDecided({ from: '2026-11-10', until: null }, '2026-11-30')).toBeNull();
    expect(monthEndsDecided({ from: '2014-03-31', until: null }, '2014-04-01')).toEqual({
      first: '2014-03-31',
      last: '2014-03-31',
      count: 1,
    });
  });

  it('finds the month-ends whose year-earlier point falls on the days decided, as minusOneYear takes it', () => {
    expect(monthEndsLookingBackAt({ from: '2014-03-03', until: null }, today)).toEqual({
      first: '2015-03-31',
      last: '2026-11-30',
      count: 141,
    });
    expect(monthEndsLookingBackAt({ from: '2014-03-03', until: '2014-06-30' }, today)).toEqual({
      first: '2015-03-31',
      last: '2015-05-31',
      count: 3,
    });
    // Only 29 February 2016 decided: 28 February 2017 looks back at the 28th, so no month-end does.
    expect(monthEndsLookingBackAt({ from: '2016-02-29', until: '2016-03-01' }, today)).toBeNull();
    expect(monthEndsLookingBackAt({ from: '2016-02-28', until: '2016-03-01' }, today)?.first).toBe('2017-02-28');
    expect(monthEndsLookingBackAt({ from: '2026-01-05', until: null }, today)).toBeNull();
  });
});
