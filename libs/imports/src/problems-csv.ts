import { recordsToCsv } from '@app/http';
import type { ImportProblem } from './import-run.types';

const COLUMNS = ['row', 'column', 'value', 'reason'] as const;

/**
 * A run's problems as CSV, by the app's one writer (`recordsToCsv`, libs/http): a value from the file
 * starting with = + - @ gets a ' before it, so a spreadsheet opening the list never runs it as a formula
 * (the values are whatever the uploaded file held).
 */
export function problemsCsv(problems: readonly ImportProblem[]): string {
  return recordsToCsv(COLUMNS, problems);
}
