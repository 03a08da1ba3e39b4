import {
  addDays,
  calendarDateIn,
  daysBetween,
  fromDay,
  instantAtLocalHour,
  isCalendarDate,
  isInstant,
  isKnownTimeZone,
  minusOneYear,
  monthAfter,
  monthEnd,
  monthEnds,
  monthsBefore,
  toDay,
} from './calendar-date';

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

  it('goes back six calendar months, month-end to month-end', () => {
    expect(monthsBefore('2014-09-30', 6)).toBe('2014-03-31');
    expect(monthsBefore('2014-08-31', 6)).toBe('2014-02-28');
    expect(monthsBefore('2016-08-31', 6)).toBe('2016-02-29');
    expect(monthsBefore('2014-09-15', 6)).toBe('2014-03-15');
    expect(monthsBefore('2014-08-29', 6)).toBe('2014-02-28');
    expect(monthsBefore('2014-03-31', 6)).toBe('2013-09-30');
    expect(monthsBefore('2014-02-28', 6)).toBe('2013-08-31');
  });

  it('counts months forward across years', () => {
    expect(monthAfter('2014-09-30', 0)).toBe('2014-09');
    expect(monthAfter('2014-09-30', 3)).toBe('2014-12');
    expect(monthAfter('2014-09-30', 4)).toBe('2015-01');
    expect(monthAfter('2014-12-01', 25)).toBe('2017-01');
    expect(monthAfter('2015-01-31', -1)).toBe('2014-12');
    expect(monthEnd(monthAfter('2016-03-01', -1))).toBe('2016-02-29');
  });

  it('counts days across month ends, year ends and leap days', () => {
    expect(toDay('1970-01-01')).toBe(0);
    expect(fromDay(toDay('2016-02-29'))).toBe('2016-02-29');
    expect(addDays('2014-01-31', 1)).toBe('2014-02-01');
    expect(addDays('2014-02-28', 1)).toBe('2014-03-01');
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
    expect(addDays('2016-03-01', -1)).toBe('2016-02-29');
    expect(addDays('2014-12-31', 1)).toBe('2015-01-01');
    expect(addDays('2015-01-10', -14)).toBe('2014-12-27');
    expect(daysBetween('2014-03-01', '2014-02-28')).toBe(-1);
    expect(daysBetween('2016-02-01', '2016-03-01')).toBe(29);
    expect(daysBetween('2015-02-01', '2015-03-01')).toBe(28);
    expect(daysBetween('2014-01-01', '2015-01-01')).toBe(365);
    // Calendar days, not 24-hour spans: the clock changes (30 March, 26 October 2014) are no different.
    expect(daysBetween('2014-03-29', '2014-03-31')).toBe(2);
    expect(daysBetween('2014-10-25', '2014-10-27')).toBe(2);
    expect(() => toDay('2014-02-30')).toThrow('not a calendar date');
  });

  it('lists the month ends between two dates, leap Februaries included', () => {
    expect(monthEnds('2015-11-15', '2016-03-01')).toEqual([
      '2015-11-30',
      '2015-12-31',
      '2016-01-31',
      '2016-02-29',
      '2016-03-31',
    ]);
    expect(monthEnds('2014-02-01', '2014-02-28')).toEqual(['2014-02-28']);
    expect(monthEnds('2014-03-01', '2014-02-28')).toEqual([]);
  });

  it('knows the IANA time zones', () => {
    expect(isKnownTimeZone('Europe/London')).toBe(true);
    expect(isKnownTimeZone('Europe/Londres')).toBe(false);
  });

  it('reads London wall-clock hours in winter (GMT) and summer (BST)', () => {
    expect(instantAtLocalHour('2014-01-15', 7, 'Europe/London').toISOString()).toBe('2014-01-15T07:00:00.000Z');
    expect(instantAtLocalHour('2014-07-15', 7, 'Europe/London').toISOString()).toBe('2014-07-15T06:00:00.000Z');
  });

  it('is right on the days the clocks change', () => {
    // 30 March 2014: clocks go forward at 01:00 GMT; 07:00 BST is 06:00 UTC.
    expect(instantAtLocalHour('2014-03-30', 7, 'Europe/London').toISOString()).toBe('2014-03-30T06:00:00.000Z');
    // 26 October 2014: clocks go back at 02:00 BST; 07:00 GMT is 07:00 UTC.
    expect(instantAtLocalHour('2014-10-26', 7, 'Europe/London').toISOString()).toBe('2014-10-26T07:00:00.000Z');
    expect(instantAtLocalHour('2014-10-26', 0, 'Europe/London').toISOString()).toBe('2014-10-25T23:00:00.000Z');
    // Either side of the change, the calendar date of the instant is the date asked for.
    expect(calendarDateIn(instantAtLocalHour('2014-03-30', 0, 'Europe/London'), 'Europe/London')).toBe('2014-03-30');
    expect(calendarDateIn(instantAtLocalHour('2014-10-26', 23, 'Europe/London'), 'Europe/London')).toBe('2014-10-26');
  });
});
