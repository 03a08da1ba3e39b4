import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOr } from '../api/client';

export const REMINDERS_PAGE_SIZE = 20;

/**
 * How many of my reminders are unread (the API's total of the unread list, one row fetched). Asked every
 * minute and when the window regains focus: reminders are made by the worker, at any time.
 */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: ['reminders', 'unread-count'],
    queryFn: async () =>
      dataOr(await api.GET('/api/v1/me/reminders', { params: { query: { unread: true, pageSize: 1 } } })).total,
    enabled,
    staleTime: 0,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useReminders(page: number, unreadOnly: boolean) {
  return useQuery({
    queryKey: ['reminders', 'list', page, unreadOnly],
    queryFn: async () =>
      dataOr(
        await api.GET('/api/v1/me/reminders', {
          params: { query: { page, pageSize: REMINDERS_PAGE_SIZE, unread: unreadOnly || undefined } },
        }),
      ),
    staleTime: 0,
    refetchOnWindowFocus: true,
    placeholderData: (previous) => previous,
  });
}

/** Marks one reminder read (or all, with `id` undefined); the list and the header's count are asked again. */
export function useMarkRead() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (id: number | undefined) =>
      id === undefined
        ? dataOr(await api.POST('/api/v1/me/reminders/read'))
        : dataOr(await api.POST('/api/v1/me/reminders/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['reminders'] }),
  });
}
