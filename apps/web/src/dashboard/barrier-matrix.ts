import type { components } from '../api/schema';
import { BARRIER_NAMES, type BarrierCategory, type Service, SERVICES } from '../common/words';

export type BarrierReport = components['schemas']['BarrierReportDto'];

/** The barrier report laid out for the chart and its table: one row per barrier, one column per service. */
export interface BarrierMatrix {
  /** The barriers reported in the area, most reported first. */
  categories: BarrierCategory[];
  /** Per service, the API's count of practices reporting each barrier (in `categories` order); 0 when none. */
  practices: Record<Service, number[]>;
  /** Per service, the API's count of practices reporting any barrier (a practice counts once); 0 when none. */
  anyBarrier: Record<Service, number>;
}

const DESIGN_ORDER = Object.keys(BARRIER_NAMES);

/**
 * Rearranges the API's rows (it sends only the pairs some practice reported; none means no practice, so 0)
 * without computing a figure. Barriers are ordered by their largest count under any service, then as in
 * DESIGN.md, so the chart reads from the most reported down.
 */
export function barrierMatrix(report: BarrierReport): BarrierMatrix {
  const count = new Map(report.rows.map((r) => [`${r.service}/${r.category}`, r.practices]));
  const of = (service: Service, category: BarrierCategory) => count.get(`${service}/${category}`) ?? 0;
  const largest = (category: BarrierCategory) => Math.max(...SERVICES.map((s) => of(s.key, category)));
  const categories = [...new Set(report.rows.map((r) => r.category))].sort(
    (a, b) => largest(b) - largest(a) || DESIGN_ORDER.indexOf(a) - DESIGN_ORDER.indexOf(b),
  );
  const practices = {} as Record<Service, number[]>;
  const anyBarrier = {} as Record<Service, number>;
  for (const { key } of SERVICES) {
    practices[key] = categories.map((c) => of(key, c));
    anyBarrier[key] = report.totals.find((t) => t.service === key)?.practices ?? 0;
  }
  return { categories, practices, anyBarrier };
}
