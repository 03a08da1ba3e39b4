import { useQuery } from '@tanstack/react-query';
import { api, dataOr } from '../api/client';
import type { components } from '../api/schema';

export type Practice = components['schemas']['PracticeDto'];

/**
 * The practice as it is now, for a form that changes it: always read afresh when the form opens (its
 * version is what an edit is based on), and not again behind the user's back while they type.
 */
export function usePracticeToChange(code: string) {
  return useQuery({
    queryKey: ['practice', code],
    queryFn: async () => dataOr(await api.GET('/api/v1/practices/{code}', { params: { path: { code } } })),
    staleTime: 0,
    refetchOnMount: 'always',
    refetchOnWindowFocus: false,
  });
}
