import type { EntityManager } from 'typeorm';

/**
 * Called inside an import's transaction once its rows are written, with the practices whose data changed
 * (added, updated, new status events or list sizes; possibly none). It is how an import applies the
 * follow-up rule of DESIGN.md: a practice in scope without every service enabled gets a follow-up. Whatever
 * it writes commits or rolls back with the import. Bound in ImportsModule to FollowUpSweepAfterImport.
 */
export interface ImportCompletedHook {
  afterImport(manager: EntityManager, practiceIds: number[]): Promise<void>;
}

export const IMPORT_COMPLETED_HOOK = Symbol('IMPORT_COMPLETED_HOOK');
