import { ApiProblem } from '../api/client';
import type { SummaryLine } from '../common/error-summary';

/** A form's problems: each field's message, and the summary's lines linking to the fields. */
export interface FormProblems {
  summary: SummaryLine[];
  byField: Record<string, string>;
}

export const noProblems = (): FormProblems => ({ summary: [], byField: {} });

export function addProblem(problems: FormProblems, field: string, message: string): FormProblems {
  if (!problems.byField[field]) problems.byField[field] = message;
  problems.summary.push({ href: `#${field}`, message });
  return problems;
}

/**
 * The API's answer as form problems: its field problems against the fields the form has (`fields`: the
 * API's field name → the form's input id); anything else, the API's message against `fallback`.
 */
export function problemsFromApi(
  err: unknown,
  fields: Record<string, string>,
  fallback: string,
  byStatus: Record<number, string> = {},
): FormProblems {
  const problems = noProblems();
  if (!(err instanceof ApiProblem)) return addProblem(problems, fallback, 'The tracker cannot be reached: try again');
  for (const p of err.body?.problems ?? []) addProblem(problems, fields[p.field] ?? fallback, capitalise(p.message));
  if (!problems.summary.length) addProblem(problems, byStatus[err.status] ?? fallback, err.message);
  return problems;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
