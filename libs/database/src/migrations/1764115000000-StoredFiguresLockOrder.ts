import { MigrationInterface, QueryRunner } from 'typeorm';
import { DELETE_AS_FOUND, forgetStoredFiguresFromSql } from './1764070000000-StoredFigures';

/**
 * Back-dated writers lock the stored figures they delete latest date first, so two of them can no
 * longer deadlock on those rows (docs/figures.md, "Locks and deadlocks").
 *
 * Before, `DELETE … WHERE as_of >= since` locked the rows in the order its plan met them, and a
 * transaction may delete more than once (an import writes one service, then the next, each from its
 * own earliest date). Seen with real locks (test/figures/stored-figures-locking.e2e-spec.ts): an import
 * deleted from June; a status write on another practice deleted from January, locking January to May,
 * and waited for the import's June; the import's next service deleted from February and waited for the
 * status write's February: `deadlock detected`, and the status write answered 409.
 *
 * Now every delete first locks its rows in one order, latest first (as_of, service, definition
 * descending), then deletes rows it already holds. Every delete's range ends at the latest stored date,
 * so two deletes with rows in common meet first at the latest of them: the one that waits has locked
 * nothing of this pass, and nothing of an earlier pass either (that pass locked the latest row too).
 * A transaction waiting for stored figures thus holds none, and no cycle can run through them. New rows
 * cannot appear meanwhile: readers store only under the guard's SHARE lock, which every deleter's ROW
 * EXCLUSIVE lock keeps out until it ends.
 */
export const LOCK_LATEST_FIRST = `        PERFORM 1 FROM stored_figures WHERE as_of >= since
          ORDER BY as_of DESC, service DESC, definition DESC FOR UPDATE;
${DELETE_AS_FOUND}`;

export class StoredFiguresLockOrder1764115000000 implements MigrationInterface {
  name = 'StoredFiguresLockOrder1764115000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(forgetStoredFiguresFromSql('CREATE OR REPLACE FUNCTION', LOCK_LATEST_FIRST));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(forgetStoredFiguresFromSql('CREATE OR REPLACE FUNCTION', DELETE_AS_FOUND));
  }
}
