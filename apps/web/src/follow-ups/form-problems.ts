import { ApiProblem } from '../api/client';
import type { SummaryLine } from '../common/error-summary';

export interface Problem {
  /** The id of the field it is about (the error summary links there), or none for the form as a whole. */
  fieldId?: string;
  message: string;
}

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

/** The error summary's lines: each problem linking to its field, if it has one. */
export const summaryOf = (problems: Problem[]): SummaryLine[] =>
  problems.map((p) => ({ href: p.fieldId && `#${p.fieldId}`, message: p.message }));

/** The message for one field, if it has one. */
export const messageFor = (problems: Problem[], fieldId: string) =>
  problems.find((p) => p.fieldId === fieldId)?.message;
