import { ApiProblem } from '../api/client';
import { withLongDates } from '../common/dates';
import type { SummaryLine } from '../common/error-summary';

/** A form's input for each field name of the API: its label, and the id the error summary links to. */
export type FieldInputs<F extends string> = Record<F, { label: string; anchor: string }>;

/** What a form shows: the error summary's lines (each linking to its input) and the message at each field. */
export interface Problems<F extends string> {
  summary: SummaryLine[];
  fields: Partial<Record<F, string>>;
}

export const noProblems = <F extends string>(): Problems<F> => ({ summary: [], fields: {} });

export function addProblem<F extends string>(
  problems: Problems<F>,
  inputs: FieldInputs<F>,
  field: F,
  message: string,
): void {
  if (problems.fields[field]) return;
  problems.fields[field] = message;
  problems.summary.push({ href: `#${inputs[field].anchor}`, message });
}

/**
 * An API refusal as the form shows it: each of its problems against the input of that field, the
 * API's message with its field's name written as the input's label and its dates in words
 * ("effectiveDate 2999-01-01 is in the future" → "Effective date 1 January 2999 is in the future"). A
 * refusal naming no field of the form (or none at all) goes to the summary, linking to `fallback`.
 */
export function problemsFromApi<F extends string>(error: ApiProblem, inputs: FieldInputs<F>, fallback: F): Problems<F> {
  const problems = noProblems<F>();
  const known = (field: string): field is F => Object.hasOwn(inputs, field);
  for (const { field, message } of error.body?.problems ?? []) {
    if (known(field)) {
      const worded = withLongDates(message.replace(new RegExp(`^${field}\\b`), inputs[field].label));
      addProblem(problems, inputs, field, worded);
    } else problems.summary.push({ href: `#${inputs[fallback].anchor}`, message: withLongDates(message) });
  }
  if (!problems.summary.length)
    problems.summary.push({ href: `#${inputs[fallback].anchor}`, message: withLongDates(error.message) });
  return problems;
}
