import type { components } from '../api/schema';
import { MEASURES, type Measure } from './figures';
import { type Service, SERVICES } from '../common/words';

export type Breakdown = components['schemas']['BreakdownDto'];
export type Group = components['schemas']['GroupFiguresDto'];
export type By = Breakdown['by'];

/** The groups a breakdown can be by, as the page names them. */
export const BYS: { key: By; name: string; noun: string; plural: string }[] = [
  { key: 'region', name: 'Region', noun: 'region', plural: 'regions' },
  { key: 'ccg', name: 'CCG', noun: 'CCG', plural: 'CCGs' },
  { key: 'clinical-system', name: 'Clinical system', noun: 'clinical system', plural: 'clinical systems' },
];

/**
 * The breakdowns that make sense in an area. England: all three. A region: its CCGs and clinical systems
 * (by region the API answers with the region's own row only). A CCG: its clinical systems (by region the
 * API refuses, by CCG it is the CCG's own row).
 */
export function breakdownsIn(area: { regionCode?: string; ccgCode?: string }): typeof BYS {
  if (area.ccgCode) return BYS.filter((b) => b.key === 'clinical-system');
  if (area.regionCode) return BYS.filter((b) => b.key !== 'region');
  return BYS;
}

/** One of the six headline figures (a service and a measure), in the URL as e.g. `records-offering`. */
export interface Figure {
  id: string;
  service: Service;
  measure: Measure;
  /** "View medical record: patients at practices offering", as the headline table names it. */
  label: string;
}

const SLUG: Record<Measure, string> = { practicesCapablePct: 'capable', patientsAtEnabledPct: 'offering' };

export const FIGURES: Figure[] = SERVICES.flatMap((s) =>
  MEASURES.map((m) => ({
    id: `${s.key}-${SLUG[m.key]}`,
    service: s.key,
    measure: m.key,
    label: `${s.name}: ${m.name}`,
  })),
);

/** The table's sortable columns; `code` only where the groups have codes of their own (not clinical systems). */
export type SortKey = 'name' | 'code' | 'practices' | 'now' | 'previous' | 'change';
export type Order = 'asc' | 'desc';
const SORT_KEYS: SortKey[] = ['name', 'code', 'practices', 'now', 'previous', 'change'];

/** Text columns start A to Z; figures start with the largest, which is what a reader looks for first. */
export const firstOrder = (key: SortKey): Order => (key === 'name' || key === 'code' ? 'asc' : 'desc');

/**
 * The breakdown's own search parameters, named so as not to meet the page's (`asOf`, `area`, `knownAt`,
 * `from`, `to`, `ccg`): `by`, `figure`, `sort`, `order`, `filter`.
 */
export const PARAM = { by: 'by', figure: 'figure', sort: 'sort', order: 'order', filter: 'filter' } as const;

export interface BreakdownView {
  by: By;
  figure: Figure;
  sort: SortKey;
  order: Order;
  filter: string;
}

/**
 * The view the URL asks for, each part checked: an unknown or (in this area) meaningless value falls back
 * to the default (the first breakdown offered in the area, the first figure, by name A to Z).
 */
export function viewOf(params: URLSearchParams, area: { regionCode?: string; ccgCode?: string }): BreakdownView {
  const offered = breakdownsIn(area);
  const by = offered.find((b) => b.key === params.get(PARAM.by))?.key ?? offered[0].key;
  const figure = FIGURES.find((f) => f.id === params.get(PARAM.figure)) ?? FIGURES[0];
  let sort = SORT_KEYS.find((k) => k === params.get(PARAM.sort)) ?? 'name';
  if (sort === 'code' && !hasCodes(by)) sort = 'name';
  const order =
    params.get(PARAM.order) === 'desc' ? 'desc' : params.get(PARAM.order) === 'asc' ? 'asc' : firstOrder(sort);
  return { by, figure, sort, order, filter: params.get(PARAM.filter) ?? '' };
}

/** Regions and CCGs have ODS codes; a clinical system's code is its name. */
export const hasCodes = (by: By) => by !== 'clinical-system';

/** The API's figures of one group for the figure shown (the page formats them, never computes them). */
export function cellsOf(group: Group, figure: Figure) {
  const s = group.services[figure.service];
  return {
    practices: s.practices.total,
    now: s[figure.measure],
    previous: s.previousYear[figure.measure],
    change: s.change[figure.measure],
  };
}

const COLLATOR = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/**
 * The groups whose name or code holds the filter (any case), in the chosen order. A figure with nothing
 * to count (null, "No data") goes last whichever the direction; ties keep the name order.
 */
export function shownGroups(groups: Group[], view: BreakdownView): Group[] {
  const needle = view.filter.trim().toLocaleLowerCase('en-GB');
  const kept = needle
    ? groups.filter((g) => `${g.name}\n${g.code}`.toLocaleLowerCase('en-GB').includes(needle))
    : groups.slice();
  const sign = view.order === 'asc' ? 1 : -1;
  const byName = (a: Group, b: Group) => COLLATOR.compare(a.name, b.name);
  return kept.sort((a, b) => {
    if (view.sort === 'name') return sign * byName(a, b) || COLLATOR.compare(a.code, b.code);
    if (view.sort === 'code') return sign * COLLATOR.compare(a.code, b.code);
    const x = cellsOf(a, view.figure)[view.sort];
    const y = cellsOf(b, view.figure)[view.sort];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}
