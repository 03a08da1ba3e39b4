import { calendarDateIn, isCalendarDate, isInstant, minusOneYear, monthEnd } from './calendar-date';

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

  // calendarDateIn keeps its last answer per zone for one UTC minute: the day must still turn on time.
  it("turns the day at the zone's midnight, instant after instant, zone by zone", () => {
    expect(calendarDateIn(new Date('2014-06-30T22:59:59.999Z'), 'Europe/London')).toBe('2014-06-30');
    expect(calendarDateIn(new Date('2014-06-30T23:00:00.000Z'), 'Europe/London')).toBe('2014-07-01');
    expect(calendarDateIn(new Date('2014-06-30T22:59:00.000Z'), 'Europe/London')).toBe('2014-06-30');
    // India is 5 h 30 ahead: its midnight falls on a half hour of UTC, still a minute's boundary.
    expect(calendarDateIn(new Date('2014-06-30T18:29:59.999Z'), 'Asia/Kolkata')).toBe('2014-06-30');
    expect(calendarDateIn(new Date('2014-06-30T18:30:00.000Z'), 'Asia/Kolkata')).toBe('2014-07-01');
    expect(calendarDateIn(new Date('2014-06-30T18:30:30.000Z'), 'Europe/London')).toBe('2014-06-30');
  });

  it('instants: a real date and time with a zone PostgreSQL takes, nothing JavaScript would roll over', () => {
    for (const ok of [
      '2014-10-01T09:30Z',
      '2014-10-01T09:30:00Z',
      '2014-10-01T10:30:00.123456+01:00',
      '2016-02-29T23:59:59-15:59',
    ]) {
      expect([ok, isInstant(ok)]).toEqual([ok, true]);
    }
    for (const bad of [
      '2014-02-30T00:00:00Z',
      '2015-02-29T00:00:00Z',
      '2014-04-31T10:00:00Z',
      '2014-10-01T24:00:00Z',
      '2014-10-01T10:60:00Z',
      '2014-10-01T10:00:00+16:00',
      '2014-10-01T10:00:00',
      '20141001T103000Z',
      '2014-W40-3T10:00:00Z',
      '2014-274T10:00:00Z',
      '1899-12-31T10:00:00Z',
      '2014-10-01',
      20141001,
    ]) {
      expect([bad, isInstant(bad)]).toEqual([bad, false]);
    }
  });
});
