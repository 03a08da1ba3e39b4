import { ApiProblem } from '../api/client';
import type { Problem } from '../common/form-problems';

/**
 * A form's problems: its own checks first, then the API's answer. The API names each field it refused
 * (`problems[].field`, e.g. `barriers.0.detail`); `fieldIds` says which input that is. A refusal that names no
 * field of the form (403, 409, a field the form does not have) is the form's as a whole.
 */
export function problemsOf(error: unknown, fieldIds: Record<string, string>): Problem[] {
  if (!error) return [];
  if (!(error instanceof ApiProblem))
    return [{ message: 'The tracker cannot be reached: check your connection and try again.' }];
  const named = (error.body?.problems ?? []).map((p) => ({ fieldId: fieldIds[p.field], message: p.message }));
  return named.length ? named : [{ message: error.message }];
}
