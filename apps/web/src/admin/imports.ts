import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOr } from '../api/client';
import type { components } from '../api/schema';
import { saveFile } from '../common/save-file';

export type ImportRun = components['schemas']['ImportRunDto'];
export type ImportKind = ImportRun['kind'];

export const RUNS_PAGE_SIZE = 20;
export const PROBLEMS_PAGE_SIZE = 25;
/** How often a run's page asks while the worker has it: often enough for the bar to move. */
const RUNNING_POLL_MS = 1000;

/** The kinds, in the order an admin imports them (geography, practices, then list sizes and statuses). */
export const KINDS: { value: ImportKind; text: string }[] = [
  { value: 'regions', text: 'Regions (code, name)' },
  { value: 'ccgs', text: 'CCGs (code, name, region code)' },
  { value: 'ccg-codes', text: 'ONS CCG codes (CCG_APR_2013)' },
  { value: 'ccg-lookup', text: 'ONS CCG lookup (CCG13_NHSAT13_NHSCR13)' },
  { value: 'epraccur', text: 'ODS practice list (epraccur)' },
  { value: 'list-size-quarterly', text: 'List sizes, quarterly (Patient_List_Size)' },
  { value: 'list-size-gp-reg', text: 'List sizes, monthly (gp-reg-pat-prac-all)' },
  { value: 'pomi-wide', text: 'POMI, first layout (one service a file)' },
  { value: 'pomi-long', text: 'POMI, long layout' },
  { value: 'status-csv', text: 'Status changes (our CSV)' },
];
export const kindName = (kind: ImportKind) => KINDS.find((k) => k.value === kind)?.text ?? kind;

export const isRunning = (run: ImportRun) => run.state === 'queued' || run.state === 'running';

export function useImportRuns(page: number) {
  return useQuery({
    queryKey: ['imports', page],
    queryFn: async () =>
      dataOr(await api.GET('/api/v1/imports', { params: { query: { page, pageSize: RUNS_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** One run, asked again every second while it is queued or running (the progress bar), then left alone. */
export function useImportRun(id: number) {
  return useQuery({
    queryKey: ['import', id],
    queryFn: async () => dataOr(await api.GET('/api/v1/imports/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data && !isRunning(query.state.data) ? false : RUNNING_POLL_MS),
    staleTime: 0,
  });
}

/** A page of a finished run's problems (the API keeps the first 1,000 by row). */
export function useImportProblems(id: number, page: number, enabled: boolean) {
  return useQuery({
    queryKey: ['import-problems', id, page],
    queryFn: async () =>
      dataOr(
        await api.GET('/api/v1/imports/{id}/problems', {
          params: { path: { id }, query: { page, pageSize: PROBLEMS_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface Upload {
  file: File;
  kind: ImportKind;
  partial: boolean;
  service?: string;
}

/** Sends the file as multipart (the API streams it to disk); the answer is the queued run. */
export function useUpload() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, kind, partial, service }: Upload) =>
      dataOr(
        await api.POST('/api/v1/imports', {
          body: { kind, file: '', partial, ...(service ? { service } : {}) } as never,
          bodySerializer: () => {
            const form = new FormData();
            form.set('kind', kind);
            form.set('partial', String(partial));
            if (service) form.set('service', service);
            form.set('file', file, file.name);
            return form;
          },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['imports'] }),
  });
}

/** The run's problems as the API's CSV, saved by the browser (the token cannot go in a plain link). */
export async function downloadProblems(id: number): Promise<void> {
  const { data, response } = await api.GET('/api/v1/imports/{id}/problems.csv', {
    params: { path: { id } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw new Error(`The server answered ${response.status}`);
  saveFile(data, `import-${id}-problems.csv`);
}
