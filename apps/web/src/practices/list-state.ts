import { type ListQuery } from './words';
import {
  CLINICAL_SYSTEMS,
  type ClinicalSystem,
  type CurrentLevel,
  LEVELS,
  type Service,
  SERVICES,
} from '../common/words';

/** Practices per page of the list: a screenful, never all 8,000 at once. */
export const PAGE_SIZE = 25;

/** The sort choices, each a column and a direction (`sort` and `order` in the URL, as the API names them). */
export const SORTS = [
  { value: 'name:asc', text: 'Name (A to Z)' },
  { value: 'name:desc', text: 'Name (Z to A)' },
  { value: 'code:asc', text: 'Code (A to Z)' },
  { value: 'code:desc', text: 'Code (Z to A)' },
  { value: 'listSize:desc', text: 'List size (largest first)' },
  { value: 'listSize:asc', text: 'List size (smallest first)' },
] as const;
export const DEFAULT_SORT = 'name:asc';

/** "Not offering" is its own choice: not capable, capable or nothing recorded (the API's `offering=false`). */
export const NOT_OFFERING = 'not_offering';
type LevelChoice = CurrentLevel | typeof NOT_OFFERING;

/** A service and a level as one choice of the filter ("records:capable"), grouped by service. */
export const SERVICE_LEVELS: { service: Service; name: string; options: { value: string; text: string }[] }[] =
  SERVICES.map(({ key, name }) => ({
    service: key,
    name,
    options: (
      [
        [NOT_OFFERING, 'Not offering (0, 1 or no status)'],
        ['capable', `${LEVELS.capable.words} (1)`],
        ['not_capable', `${LEVELS.not_capable.words} (0)`],
        ['enabled', `${LEVELS.enabled.words} (2)`],
        ['unknown', LEVELS.unknown.words],
      ] as [LevelChoice, string][]
    ).map(([level, text]) => ({ value: `${key}:${level}`, text: `${name}: ${text.toLowerCase()}` })),
  }));

/** What the list shows, read from the URL: unknown values are left out (the API would refuse them). */
export interface ListState {
  q: string;
  regionCode: string;
  ccgCode: string;
  clinicalSystem: ClinicalSystem | '';
  /** "records:capable", or '' for every practice. */
  serviceLevel: string;
  /** "name:asc" */
  sort: string;
  page: number;
}

const SERVICE_KEYS = new Set<string>(SERVICES.map((s) => s.key));
const LEVEL_CHOICES = new Set<string>([...Object.keys(LEVELS), NOT_OFFERING]);

export function readListState(params: URLSearchParams): ListState {
  const system = params.get('clinicalSystem') ?? '';
  const service = params.get('service') ?? '';
  const level = params.get('offering') === 'false' ? NOT_OFFERING : (params.get('level') ?? '');
  const sort = `${params.get('sort') ?? ''}:${params.get('order') ?? ''}`;
  const page = Number(params.get('page') ?? '1');
  return {
    q: (params.get('q') ?? '').trim(),
    regionCode: params.get('regionCode') ?? '',
    ccgCode: params.get('ccgCode') ?? '',
    clinicalSystem: CLINICAL_SYSTEMS.some((s) => s.value === system) ? (system as ClinicalSystem) : '',
    serviceLevel: SERVICE_KEYS.has(service) && LEVEL_CHOICES.has(level) ? `${service}:${level}` : '',
    sort: SORTS.some((s) => s.value === sort) ? sort : DEFAULT_SORT,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The URL of a list state: only what differs from the defaults, in the API's own names. */
export function writeListState(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.regionCode) params.set('regionCode', state.regionCode);
  if (state.ccgCode) params.set('ccgCode', state.ccgCode);
  if (state.clinicalSystem) params.set('clinicalSystem', state.clinicalSystem);
  if (state.serviceLevel) {
    const [service, level] = state.serviceLevel.split(':');
    params.set('service', service);
    if (level === NOT_OFFERING) params.set('offering', 'false');
    else params.set('level', level);
  }
  if (state.sort !== DEFAULT_SORT) {
    const [sort, order] = state.sort.split(':');
    params.set('sort', sort);
    params.set('order', order);
  }
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/** The API's query for a list state (`GET /practices`). */
export function listQuery(state: ListState): ListQuery {
  const [sort, order] = state.sort.split(':') as [NonNullable<ListQuery['sort']>, NonNullable<ListQuery['order']>];
  const query: ListQuery = { sort, order, page: state.page, pageSize: PAGE_SIZE };
  if (state.q) query.q = state.q;
  if (state.regionCode) query.regionCode = state.regionCode;
  if (state.ccgCode) query.ccgCode = state.ccgCode;
  if (state.clinicalSystem) query.clinicalSystem = state.clinicalSystem;
  if (state.serviceLevel) {
    const [service, level] = state.serviceLevel.split(':') as [Service, LevelChoice];
    query.service = service;
    if (level === NOT_OFFERING) query.offering = false;
    else query.level = level;
  }
  return query;
}
