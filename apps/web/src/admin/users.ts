import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOr } from '../api/client';
import type { components } from '../api/schema';

export type CreateUser = components['schemas']['CreateUserDto'];

export const USERS_PAGE_SIZE = 25;

/** A page of users (the API's order), kept on screen while the next page loads. */
export function useUsers(page: number) {
  return useQuery({
    queryKey: ['users', page],
    queryFn: async () =>
      dataOr(await api.GET('/api/v1/users', { params: { query: { page, pageSize: USERS_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useUser(id: number) {
  return useQuery({
    queryKey: ['user', id],
    queryFn: async () => dataOr(await api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
    staleTime: 0,
  });
}

/** After a change, the lists and the user's page read the API again. */
function useUsersChanged() {
  const queries = useQueryClient();
  return () => queries.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'users' || q.queryKey[0] === 'user' });
}

export function useCreateUser() {
  const changed = useUsersChanged();
  return useMutation({
    mutationFn: async (body: CreateUser) => dataOr(await api.POST('/api/v1/users', { body })),
    onSuccess: changed,
  });
}

export function useDeactivateUser(id: number) {
  const changed = useUsersChanged();
  return useMutation({
    mutationFn: async () => dataOr(await api.POST('/api/v1/users/{id}/deactivate', { params: { path: { id } } })),
    onSuccess: changed,
  });
}

export function useResetPassword(id: number) {
  return useMutation({
    mutationFn: async (password: string) =>
      dataOr(await api.POST('/api/v1/users/{id}/password', { params: { path: { id } }, body: { password } })),
  });
}
