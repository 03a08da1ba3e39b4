import { monthAfter } from '@app/domain';

/** The months the pace is measured over. */
export const PACE_MONTHS = 6;

export interface Projection {
  stillToGo: number;
  /** Practices newly offering, net, over the PACE_MONTHS months (negative: fewer offer now). */
  gained: number;
  /** gained per month, one decimal, half away from zero. */
  pacePerMonth: number;
  projectedMonth: string | null;
  /** Why there is no projected month (null when there is one). */
  reason: string | null;
}

/**
 * When every practice in scope on `asOf` would offer a service, if practices kept starting to offer it
 * at the net pace of the last PACE_MONTHS months: the month of asOf plus ⌈still to go ÷ pace⌉ months,
 * in integer arithmetic (⌈stillToGo × PACE_MONTHS ÷ gained⌉), so no rounding of the pace moves the
 * month. None left: the month of asOf. A pace of zero or less never gets there: null, with the reason.
 */
export function projectOutlook(asOf: string, inScope: number, offering: number, offeringBefore: number): Projection {
  const stillToGo = inScope - offering;
  const gained = offering - offeringBefore;
  const pacePerMonth = roundHalfAwayFromZero((gained * 10) / PACE_MONTHS) / 10;
  const base = { stillToGo, gained, pacePerMonth };
  if (stillToGo <= 0) return { ...base, projectedMonth: monthAfter(asOf, 0), reason: null };
  if (gained <= 0) {
    const reason =
      gained === 0
        ? `as many practices offered it ${PACE_MONTHS} months earlier as on ${asOf}: at no progress it is never reached`
        : `fewer practices offered it on ${asOf} than ${PACE_MONTHS} months earlier: at that pace it is never reached`;
    return { ...base, projectedMonth: null, reason };
  }
  const months = Math.ceil((stillToGo * PACE_MONTHS) / gained);
  return { ...base, projectedMonth: monthAfter(asOf, months), reason: null };
}

/** Math.round rounds halves up (−2.5 → −2); the pace may be negative. */
const roundHalfAwayFromZero = (x: number) => Math.sign(x) * Math.round(Math.abs(x));
