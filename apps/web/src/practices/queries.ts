import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, dataOr } from '../api/client';
import type { ListQuery } from './words';

/** A page of practices; the page before stays on screen (marked busy) while the next one loads. */
export function usePracticeList(query: ListQuery) {
  return useQuery({
    queryKey: ['practices', query],
    queryFn: async ({ signal }) => dataOr(await api.GET('/api/v1/practices', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    // A colleague may have just changed a level: a list is worth asking for again after a minute.
    staleTime: 60_000,
  });
}

/** The CCGs of a region, or of England (they change rarely: kept for the session). */
export function useCcgs(regionCode: string | undefined) {
  return useQuery({
    queryKey: ['ccgs', regionCode ?? null],
    queryFn: async () => dataOr(await api.GET('/api/v1/ccgs', { params: { query: regionCode ? { regionCode } : {} } })),
    staleTime: Infinity,
  });
}

export function usePractice(code: string) {
  return useQuery({
    queryKey: ['practice', code],
    queryFn: async ({ signal }) =>
      dataOr(await api.GET('/api/v1/practices/{code}', { params: { path: { code } }, signal })),
    staleTime: 0,
  });
}

export function usePracticeHistory(code: string) {
  return useQuery({
    queryKey: ['practice', code, 'history'],
    queryFn: async ({ signal }) =>
      dataOr(await api.GET('/api/v1/practices/{code}/history', { params: { path: { code } }, signal })),
    staleTime: 0,
  });
}

/** The practice's follow-up still in progress (open, contacted or barriers recorded), with its barriers. */
export function useActiveFollowUp(code: string, resolvingItself = false) {
  return useQuery({
    queryKey: ['practice', code, 'follow-up'],
    queryFn: async ({ signal }) => {
      const page = dataOr(
        await api.GET('/api/v1/follow-ups', {
          params: { query: { practiceCode: code, state: 'active', pageSize: 1 } },
          signal,
        }),
      );
      const found = page.items[0];
      if (!found) return null;
      return dataOr(await api.GET('/api/v1/follow-ups/{id}', { params: { path: { id: found.id } }, signal }));
    },
    staleTime: 0,
    // The worker's follow-up rule resolves it moments after the write that enabled the last service, so a
    // page read just after that write still shows it open: ask again until it has gone.
    refetchInterval: (query) => (resolvingItself && query.state.data ? RESOLVING_POLL_MS : false),
  });
}

const RESOLVING_POLL_MS = 2000;

export const AUDIT_PAGE_SIZE = 10;

/** Who changed what at the practice, newest first (admins only: the API refuses everyone else). */
export function usePracticeAudit(code: string, page: number) {
  return useQuery({
    queryKey: ['practice', code, 'audit', page],
    queryFn: async ({ signal }) =>
      dataOr(
        await api.GET('/api/v1/audit', {
          params: { query: { entityType: 'practice', entityId: code, page, pageSize: AUDIT_PAGE_SIZE } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
