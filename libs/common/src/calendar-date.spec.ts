import { calendarDateIn, isCalendarDate, minusOneYear, monthEnd } from './calendar-date';

describe('calendar dates', () => {
  it.each([
    ['2014-09-30', true],
    ['2014-02-28', true],
    ['2016-02-29', true],
    ['2014-02-29', false],
    ['2014-02-30', false],
    ['2014-13-01', false],
    ['2014-00-10', false],
    ['2014-9-30', false],
    ['30/09/2014', false],
    ['', false],
  ])('%s is a calendar date: %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it('takes one calendar year off, 29 February becoming 28 February', () => {
    expect(minusOneYear('2014-09-30')).toBe('2013-09-30');
    expect(minusOneYear('2016-02-29')).toBe('2015-02-28');
    expect(minusOneYear('2015-03-01')).toBe('2014-03-01');
  });

  it('knows month ends', () => {
    expect(monthEnd('2014-02')).toBe('2014-02-28');
    expect(monthEnd('2016-02')).toBe('2016-02-29');
    expect(monthEnd('2014-09')).toBe('2014-09-30');
  });

  it("reads today's date in London, not UTC", () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(calendarDateIn(new Date('2014-06-30T23:30:00Z'), 'Europe/London')).toBe('2014-07-01');
    expect(calendarDateIn(new Date('2014-12-31T23:30:00Z'), 'Europe/London')).toBe('2014-12-31');
  });
});
