import type { SummaryLine } from '../common/error-summary';

export interface FormProblem {
  /** The id of the box the summary's link takes the user to. */
  href: string;
  message: string;
}

/** The error summary's lines of the dashboard's forms, each linking to its box. */
export const summaryOf = (problems: FormProblem[]): SummaryLine[] =>
  problems.map((p) => ({ href: `#${p.href}`, message: p.message }));

/** A whole number typed in a box (spaces around it allowed), or NaN. */
export const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);
