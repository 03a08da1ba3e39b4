import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOr } from '../api/client';
import type { components } from '../api/schema';
import type { FollowUpDetail } from './labels';
import type { FollowUpListQuery } from './filters';

/** A page of follow-ups, as the API filters, orders (soonest due first) and counts them. */
export function useFollowUps(query: FollowUpListQuery) {
  return useQuery({
    queryKey: ['follow-ups', query],
    queryFn: async () => dataOr(await api.GET('/api/v1/follow-ups', { params: { query } })),
    // Others work on the same follow-ups: a list seen a minute ago may be out of date.
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  });
}

export function useFollowUp(id: number) {
  return useQuery({
    queryKey: ['follow-up', id],
    queryFn: async () => dataOr(await api.GET('/api/v1/follow-ups/{id}', { params: { path: { id } } })),
    staleTime: 30_000,
  });
}

/** The people the API would accept as owner (asked only by those who may write). */
export function useOwnerOptions(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['follow-up', id, 'owners'],
    queryFn: async () => dataOr(await api.GET('/api/v1/follow-ups/{id}/owners', { params: { path: { id } } })),
    enabled,
  });
}

/**
 * One write to a follow-up. The API answers with the follow-up as it now is: the page shows that at once,
 * and the lists are asked again when next shown.
 */
export function useFollowUpWrite<V>(id: number, send: (id: number, values: V) => Promise<FollowUpDetail>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (values: V) => send(id, values),
    onSuccess: (followUp) => {
      queries.setQueryData(['follow-up', id], followUp);
      void queries.invalidateQueries({ queryKey: ['follow-ups'] });
    },
  });
}

const path = (id: number) => ({ params: { path: { id } } });

type Body<K extends keyof components['schemas']> = components['schemas'][K];

export const writes = {
  contact: async (id: number, body: Body<'RecordContactDto'>) =>
    dataOr(await api.POST('/api/v1/follow-ups/{id}/contacts', { ...path(id), body })),
  barriers: async (id: number, body: Body<'RecordBarriersDto'>) =>
    dataOr(await api.POST('/api/v1/follow-ups/{id}/barriers', { ...path(id), body })),
  dueDate: async (id: number, body: Body<'SetDueDateDto'>) =>
    dataOr(await api.PUT('/api/v1/follow-ups/{id}/due-date', { ...path(id), body })),
  owner: async (id: number, body: Body<'AssignOwnerDto'>) =>
    dataOr(await api.PUT('/api/v1/follow-ups/{id}/owner', { ...path(id), body })),
  resolve: async (id: number, body: Body<'CloseFollowUpDto'>) =>
    dataOr(await api.POST('/api/v1/follow-ups/{id}/resolve', { ...path(id), body })),
  cancel: async (id: number, body: Body<'CloseFollowUpDto'>) =>
    dataOr(await api.POST('/api/v1/follow-ups/{id}/cancel', { ...path(id), body })),
};
