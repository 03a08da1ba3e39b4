import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, dataOr } from '../api/client';

export const AUDIT_PAGE_SIZE = 25;

/** The filters of the audit log, as the URL and the API name them. */
export interface AuditFilters {
  userId?: number;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

export const ENTITY_TYPES: { value: string; text: string }[] = [
  { value: 'practice', text: 'Practice' },
  { value: 'follow_up', text: 'Follow-up' },
  { value: 'user', text: 'User' },
  { value: 'import_run', text: 'Import' },
  { value: 'region', text: 'Region' },
  { value: 'area_team', text: 'Area team' },
  { value: 'ccg', text: 'CCG' },
];

export function useAudit(filters: AuditFilters, page: number) {
  return useQuery({
    queryKey: ['audit', filters, page],
    queryFn: async () =>
      dataOr(await api.GET('/api/v1/audit', { params: { query: { ...filters, page, pageSize: AUDIT_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Every user, for the audit log's "changed by" filter (the API pages at 500 at most). */
export function useAllUsers() {
  return useQuery({
    queryKey: ['users', 'all'],
    queryFn: async () => dataOr(await api.GET('/api/v1/users', { params: { query: { pageSize: 500 } } })),
  });
}
