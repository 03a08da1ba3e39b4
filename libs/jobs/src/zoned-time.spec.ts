import { instantAtLocalHour } from './zoned-time';

describe('instantAtLocalHour', () => {
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
  });
});
