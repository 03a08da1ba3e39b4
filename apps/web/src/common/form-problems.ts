import type { SummaryLine } from './error-summary';

/** One problem a form shows: its message, and the field it is about (none: the form as a whole). */
export interface Problem {
  /** The id of the field it is about (the error summary links there), or none for the form as a whole. */
  fieldId?: string;
  message: string;
}

/** The error summary's lines: each problem linking to its field, if it has one. */
export const summaryOf = (problems: Problem[]): SummaryLine[] =>
  problems.map((p) => ({ href: p.fieldId && `#${p.fieldId}`, message: p.message }));

/** The message for one field, if it has one. */
export const messageFor = (problems: Problem[], fieldId: string) =>
  problems.find((p) => p.fieldId === fieldId)?.message;
