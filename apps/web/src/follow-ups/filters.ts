import type { paths } from '../api/schema';
import { entries } from './labels';
import { type Service, SERVICE_NAMES, STATE_WORDS } from '../common/words';

export type FollowUpListQuery = NonNullable<paths['/api/v1/follow-ups']['get']['parameters']['query']>;
type StateFilter = NonNullable<FollowUpListQuery['state']>;
type DueFilter = NonNullable<FollowUpListQuery['due']>;

export const PAGE_SIZE = 20;

/** The list's filters as the address holds them (`?owner=all&region=Y54&state=open&due=overdue&page=2`). */
export interface Filters {
  /** Mine: the signed-in user's follow-ups; all: everyone's. */
  owner: 'mine' | 'all';
  region: string | undefined;
  state: StateFilter;
  due: DueFilter | undefined;
  notOffered: Service | undefined;
  page: number;
}

export const STATE_OPTIONS: [StateFilter, string][] = [
  ['active', 'Still to do'],
  ...entries(STATE_WORDS),
  ['closed', 'Closed (resolved or cancelled)'],
  ['all', 'Any state'],
];
export const DUE_OPTIONS: [DueFilter, string][] = [
  ['due', 'Due today or before'],
  ['overdue', 'Overdue'],
];
export const SERVICE_OPTIONS = entries(SERVICE_NAMES);

const oneOf = <T extends string>(value: string | null, options: [T, string][]): T | undefined =>
  options.find(([v]) => v === value)?.[0];

/**
 * Reads the filters from the address; anything not understood is left out (a hand-edited link shows the
 * defaults rather than an error). With no `owner`, people who own follow-ups see theirs; managers, who own
 * none, everyone's.
 */
export function readFilters(params: URLSearchParams, ownsFollowUps: boolean): Filters {
  const owner = params.get('owner');
  const page = Number(params.get('page'));
  const region = params.get('region');
  return {
    owner: owner === 'mine' || owner === 'all' ? owner : ownsFollowUps ? 'mine' : 'all',
    region: region && /^[A-Z0-9]{3}$/.test(region) ? region : undefined,
    state: oneOf(params.get('state'), STATE_OPTIONS) ?? 'active',
    due: oneOf(params.get('due'), DUE_OPTIONS),
    notOffered: oneOf(params.get('notOffered'), SERVICE_OPTIONS),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The address's search parameters for `filters` (defaults left out, except the owner once chosen). */
export function filterParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  params.set('owner', filters.owner);
  if (filters.region) params.set('region', filters.region);
  if (filters.state !== 'active') params.set('state', filters.state);
  if (filters.due) params.set('due', filters.due);
  if (filters.notOffered) params.set('notOffered', filters.notOffered);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** The API's query for `filters`. */
export function listQuery(filters: Filters): FollowUpListQuery {
  return {
    mine: filters.owner === 'mine' || undefined,
    regionCode: filters.region,
    state: filters.state,
    due: filters.due,
    notOffered: filters.notOffered,
    page: filters.page,
    pageSize: PAGE_SIZE,
  };
}
