/**
 * 100 × numerator / denominator rounded to `decimals` places, half away from zero, in exact integer
 * arithmetic (no 0.1 + 0.2 surprises); null for a zero denominator (DESIGN.md "Figures"). Counts are
 * never negative, so "half away from zero" is "half up" here.
 */
export function percent(numerator: number, denominator: number, decimals = 1): number | null {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`percent needs counts, got ${numerator}/${denominator}`);
  }
  if (denominator === 0) return null;
  const scale = 10n ** BigInt(decimals);
  const n = BigInt(numerator) * 100n * scale;
  const d = BigInt(denominator);
  const rounded = (2n * n + d) / (2n * d); // floor(n/d + 1/2)
  return Number(rounded) / Number(scale);
}

/** Whole per cent, as the article's sentences print it. */
export const wholePercent = (numerator: number, denominator: number) => percent(numerator, denominator, 0);

/** a − b in percentage points of two one-decimal percentages (so it matches what a reader subtracts). */
export function pointsChange(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  return (Math.round(a * 10) - Math.round(b * 10)) / 10;
}
