import type { EntityManager } from 'typeorm';
import type { StatusRepository } from '@app/status';
import type { ChangeCounts, ImportChanges } from '../import-run.types';
import type { ImportFormat } from '../parsers';
import type { ApplyRepository, Written } from './apply.repository';
import type { ProblemColumns, RecordKind, StageRepository } from './stage.repository';

/** The record kinds each format can yield (POMI long yields list sizes only when asked to). */
export const FORMAT_KINDS: Record<ImportFormat, RecordKind[]> = {
  epraccur: ['practice'],
  regions: ['region'],
  ccgs: ['ccg'],
  'ccg-lookup': ['ons-ccg-lookup'],
  'ccg-codes': ['ons-ccg-code'],
  'list-size-quarterly': ['list-size'],
  'list-size-gp-reg': ['list-size'],
  'pomi-wide': ['status'],
  'pomi-long': ['status', 'list-size'],
  'status-csv': ['status'],
};

const PRACTICE_KINDS: RecordKind[] = ['practice', 'list-size', 'status'];

/** The database checks of a format's rows, each adding to `import_problem`. */
export async function runChecks(
  m: EntityManager,
  stage: StageRepository,
  format: ImportFormat,
  col: ProblemColumns,
): Promise<void> {
  const kinds = FORMAT_KINDS[format];
  if (kinds.some((k) => PRACTICE_KINDS.includes(k))) await stage.lockPractices(m);
  await stage.checkDuplicates(m, col);
  if (kinds.includes('practice')) await stage.checkPractices(m, col);
  if (kinds.includes('list-size') || kinds.includes('status')) await stage.checkPracticeFacts(m, col);
  if (kinds.includes('ccg') || kinds.includes('ons-ccg-lookup')) await stage.checkCcgs(m, col);
  if (kinds.includes('ons-ccg-code')) await stage.checkOnsCodes(m, col);
}

export interface ApplyDeps {
  stage: StageRepository;
  apply: ApplyRepository;
  status: StatusRepository;
}

export interface Applied {
  changes: ImportChanges;
  /** Practices whose data changed, for the follow-up hook. */
  practiceIds: number[];
}

const counts = (w: Written, rows: number): ChangeCounts => ({
  added: w.added,
  updated: w.updated,
  unchanged: Math.max(0, rows - w.added - w.updated),
});

/**
 * Writes the staged rows in dependency order (regions, CCGs, practices, then their facts) and keeps the
 * derived data right: list-size links for practices with new dates, status spans for the practices' services
 * with new events.
 */
export async function applyStaged(
  m: EntityManager,
  deps: ApplyDeps,
  format: ImportFormat,
  recordedBy: number | null,
  note: string,
): Promise<Applied> {
  const { stage, apply } = deps;
  const kinds = FORMAT_KINDS[format];
  const rows = await stage.countByKind(m);
  const n = (kind: RecordKind) => rows.get(kind) ?? 0;
  const changes: ImportChanges = {};
  const touched = new Set<number>();
  const add = (ids: number[]) => ids.forEach((id) => touched.add(id));

  if (kinds.includes('region') || kinds.includes('ons-ccg-lookup')) {
    const regionRows = kinds.includes('region') ? n('region') : await stage.countLookupRegions(m);
    changes.regions = counts(await apply.regions(m), regionRows);
  }
  if (kinds.includes('ccg') || kinds.includes('ons-ccg-lookup'))
    changes.ccgs = counts(await apply.ccgs(m), n('ccg') + n('ons-ccg-lookup'));
  if (kinds.includes('ons-ccg-code')) changes.onsCcgCodes = counts(await apply.onsCcgCodes(m), n('ons-ccg-code'));
  if (kinds.includes('practice')) {
    const written = await apply.practices(m);
    changes.practices = counts(written, n('practice'));
    add(written.practiceIds);
  }
  if (kinds.includes('list-size') && n('list-size') > 0) {
    const written = await apply.listSizes(m, recordedBy);
    changes.listSizes = counts(written, n('list-size'));
    add(written.practiceIds);
  }
  if (kinds.includes('status')) {
    const written = await apply.statusEvents(m, recordedBy, note);
    if (written.pairs.length) await deps.status.rebuildSpansForServices(m, written.pairs);
    changes.statusEvents = counts(written, n('status'));
    add(written.practiceIds);
    if (format === 'pomi-wide' || format === 'pomi-long') {
      const systems = await apply.clinicalSystems(m);
      changes.clinicalSystems = counts(systems, systems.named);
      add(systems.practiceIds);
    }
  }
  return { changes, practiceIds: [...touched].sort((a, b) => a - b) };
}
