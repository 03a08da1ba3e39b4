import { percent, pointsChange, wholePercent } from './percent';

describe('percentages', () => {
  it.each([
    [2, 3, 66.7],
    [1, 3, 33.3],
    [1, 8, 12.5],
    [1, 16, 6.3], // 6.25 → 6.3: half away from zero, not banker's rounding
    [3, 16, 18.8], // 18.75
    [1, 2000, 0.1], // 0.05 → 0.1
    [1, 2001, 0], // 0.04997… → 0.0
    [999, 1000, 99.9],
    [19999, 20000, 100], // 99.995 → 100.0
    [0, 5, 0],
    [5, 5, 100],
  ])('%i / %i → %d', (n, d, expected) => {
    expect(percent(n, d)).toBe(expected);
  });

  it('gives null, not an error, for a zero denominator', () => {
    expect(percent(0, 0)).toBeNull();
    expect(wholePercent(0, 0)).toBeNull();
  });

  it('rounds whole per cent from the raw counts, not from the one-decimal figure', () => {
    // 90.45 % → one decimal 90.5, but whole per cent is 90 (rounding 90.5 again would give 91).
    expect(percent(9045, 10000)).toBe(90.5);
    expect(wholePercent(9045, 10000)).toBe(90);
    expect(wholePercent(1, 200)).toBe(1); // 0.5 → 1
    expect(wholePercent(91, 100)).toBe(91);
  });

  it('stays exact for England-sized patient counts', () => {
    expect(percent(50_000_001, 100_000_000)).toBe(50);
    expect(percent(50_050_000, 100_000_000)).toBe(50.1); // 50.05 exactly
    expect(percent(600_000_000, 600_000_000)).toBe(100);
  });

  it('refuses what is not a count', () => {
    expect(() => percent(1.5, 3)).toThrow(RangeError);
    expect(() => percent(-1, 3)).toThrow(RangeError);
  });

  it('takes changes in percentage points from the one-decimal figures', () => {
    expect(pointsChange(91.2, 64.1)).toBe(27.1);
    expect(pointsChange(64.1, 91.2)).toBe(-27.1);
    expect(pointsChange(0.3, 0.1)).toBe(0.2);
    expect(pointsChange(null, 4)).toBeNull();
  });
});
