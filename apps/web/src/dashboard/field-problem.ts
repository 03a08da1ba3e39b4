import { ApiProblem } from '../api/client';

/** The API's problem with one of these query fields (a 400 naming it), to show against the form's field. */
export function fieldProblem(error: Error | null, fields: string[]): { field: string; message: string } | undefined {
  if (!(error instanceof ApiProblem) || error.status !== 400) return undefined;
  return error.body?.problems.find((p) => fields.includes(p.field));
}
