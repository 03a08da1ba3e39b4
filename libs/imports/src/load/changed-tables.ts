import type { ImportChanges } from '../import-run.types';

/** The tables each kind of change writes (span upkeep goes with status events; systems move practices). */
const TABLES_OF: Record<keyof ImportChanges, string[]> = {
  regions: ['region'],
  ccgs: ['ccg'],
  onsCcgCodes: ['ons_ccg_code'],
  practices: ['practice'],
  listSizes: ['list_size'],
  statusEvents: ['status_event', 'status_span'],
  clinicalSystems: ['practice', 'clinical_system_report'],
};

/** The tables a committed import added rows to or changed rows of, each once, in a stable order. */
export function changedTables(changes: ImportChanges): string[] {
  const tables = new Set<string>();
  for (const [kind, counts] of Object.entries(changes) as [keyof ImportChanges, ImportChanges[keyof ImportChanges]][])
    if (counts && counts.added + counts.updated > 0) TABLES_OF[kind].forEach((t) => tables.add(t));
  return [...tables].sort();
}
