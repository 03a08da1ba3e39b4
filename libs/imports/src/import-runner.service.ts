import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock } from '@app/domain';
import { isDatabaseUnavailable } from '@app/http';
import { StatusRepository } from '@app/status';
import { IMPORT_COMPLETED_HOOK, ImportCompletedHook } from './import-completed.hook';
import { ImportFileStore } from './import-file.store';
import { ImportState } from './import-run.entity';
import type { ImportChanges, ImportProblem } from './import-run.types';
import { ImportRunRow, ImportRunsRepository, RunOutcome } from './import-runs.repository';
import { ApplyRepository } from './load/apply.repository';
import { changedTables } from './load/changed-tables';
import { applyStaged, runChecks } from './load/import-steps';
import { problemColumns } from './load/problem-columns';
import { ProgressReporter } from './load/progress';
import { StageRepository } from './load/stage.repository';
import { stageFile } from './load/stage-file';

/** At most this many problems are stored with a run (all are counted). */
export const MAX_STORED_PROBLEMS = 1000;

/** How a claimed run ended in its transaction, and what it changed when it succeeded. */
interface Processed {
  state: ImportState;
  changes?: ImportChanges;
}

/** A failure that trying again cannot fix (the stored file is gone). */
export class ImportNotRetriableError extends Error {}

const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

/**
 * Processes one import run, start to end, in ONE transaction: parse the stored file into a staging
 * table, check the rows against the database, then either write nothing (rejected) or write every valid
 * row, apply the follow-up hook and record the outcome, all committed together. Imports run one at a
 * time (an advisory lock), and a run already over is left alone, so a job may safely run twice.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger('ImportRunner');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runs: ImportRunsRepository,
    private readonly stage: StageRepository,
    private readonly apply: ApplyRepository,
    private readonly files: ImportFileStore,
    private readonly status: StatusRepository,
    private readonly clock: Clock,
    @Inject(IMPORT_COMPLETED_HOOK) private readonly hook: ImportCompletedHook,
    private readonly audit: AuditService,
  ) {}

  /**
   * Brings the run to a final state and returns it, or null when the run was already over. A database
   * outage is thrown (for the job to retry) unless `lastAttempt`; then, as for any other error, the run
   * is marked failed.
   */
  async process(runId: number, opts: { lastAttempt?: boolean } = {}): Promise<ImportState | null> {
    let state: ImportState | null;
    try {
      const processed = await this.db.transaction(async (m) => {
        await this.runs.waitForImportLock(m);
        const run = await this.runs.claim(runId);
        if (run) await this.runs.tuneImportTransaction(m);
        return run ? this.processClaimed(m, run) : null;
      });
      state = processed?.state ?? null;
      if (processed?.changes) await this.analyzeChanged(runId, processed.changes);
    } catch (err) {
      if (isTransient(err) && !opts.lastAttempt) {
        this.logger.warn(`Import run ${runId} will be retried: ${(err as Error).message}`);
        throw err;
      }
      this.logger.error({ err }, `Import run ${runId} failed`);
      await this.runs.markFailed(runId, failureMessage(err));
      state = ImportState.Failed;
    }
    // Also when the run was over already: a retry after a COMMIT whose answer the dropped connection lost
    // finds the run succeeded (nothing is imported twice), with its file still there.
    await this.removeFile(runId);
    return state;
  }

  /**
   * The queue gave up on the run's job without the run ending: its worker was lost while running it once
   * more than the queue allows (a file that kills the worker must not be run for ever), or its last attempt
   * could not even record its failure. The run is failed, unless it is over already, and its file removed.
   */
  async giveUp(runId: number, err: Error): Promise<void> {
    await this.runs.markFailed(runId, failureMessage(err));
    await this.removeFile(runId);
  }

  /** Once per run, after its commit; the run has succeeded whatever happens here. */
  private async analyzeChanged(runId: number, changes: ImportChanges): Promise<void> {
    const tables = changedTables(changes);
    try {
      await this.apply.analyze(this.db.manager, tables);
    } catch (err) {
      this.logger.warn(`Could not analyse ${tables.join(', ')} after import run ${runId}: ${(err as Error).message}`);
    }
  }

  private async processClaimed(m: EntityManager, run: ImportRunRow): Promise<Processed> {
    const started = Date.now();
    if (!run.storedFile || !(await this.files.exists(run.storedFile))) {
      throw new ImportNotRetriableError('the uploaded file is no longer in IMPORT_DIR');
    }
    const progress = new ProgressReporter((p, rows) => this.runs.reportProgress(run.id, p, rows));
    await this.stage.create(m);
    const source = this.files.open(run.storedFile);
    const {
      summary,
      problems: parserProblems,
      staged,
      lastLine,
    } = await stageFile(
      source,
      run.format,
      { ...run.options, today: this.clock.today() },
      await this.stage.writer(m),
      (bytes, lines) => progress.report(run.fileSize > 0 ? (80 * bytes) / run.fileSize : 80, lines),
      MAX_STORED_PROBLEMS,
    );
    await this.stage.analyze(m);
    await runChecks(m, this.stage, run.format, problemColumns(run.format, summary.header));
    progress.report(85, summary.rowsRead);

    const found = await this.stage.problemCounts(m);
    const problems = mergeProblems(parserProblems, await this.stage.firstProblems(m, MAX_STORED_PROBLEMS));
    const rowsRejected = summary.rowsWithProblems + found.rows;
    const base = {
      rowsRead: summary.rowsRead,
      rowsAccepted: staged - found.rows,
      rowsRejected,
      rowsSkipped: Object.values(summary.skipped).reduce((a, b) => a + b, 0),
      problemCount: summary.problems + found.problems,
      problems,
    };
    const summaryOf = (changes = {}) => ({
      changes,
      skipped: summary.skipped,
      encoding: summary.encoding,
      bomStripped: summary.bomStripped,
      notes: summary.notes,
      durationMs: Date.now() - started,
    });
    // A parse that stopped early did not get through the file: its rows done stay where it stopped.
    const stoppedAtLine = summary.fatal ? lastLine : null;
    const reject = async (message: string): Promise<Processed> => {
      await progress.settle();
      await this.runs.finish(m, run.id, {
        ...base,
        stoppedAtLine,
        state: ImportState.Rejected,
        summary: summaryOf(),
        message,
      });
      return { state: ImportState.Rejected };
    };

    if (summary.fatal) return reject(`The file was rejected, nothing was imported: ${summary.fatal}`);
    if (rowsRejected > 0 && !run.options.partial) {
      return reject(
        `${plural(rowsRejected, 'row')} with problems: nothing was imported ` +
          `(strict mode; import with partial to keep the valid rows)`,
      );
    }
    if (rowsRejected > 0 && base.rowsAccepted === 0)
      return reject(`No valid rows: nothing was imported (${plural(rowsRejected, 'row')} with problems)`);
    // Every row left out on purpose (not a GP practice, uptake counts only…): most likely the wrong file,
    // and "succeeded" always means something was read and kept.
    if (base.rowsAccepted === 0)
      return reject(
        `Nothing to import: ${plural(base.rowsSkipped, 'row')} left out ` +
          `(${skipReasons(summary.skipped)}), none to keep`,
      );
    if (rowsRejected > 0) await this.stage.dropRowsWithProblems(m);

    const deps = { stage: this.stage, apply: this.apply, status: this.status };
    const applied = await applyStaged(
      m,
      deps,
      run.format,
      run.createdBy,
      `Imported from ${run.fileName} (import ${run.id})`,
    );
    progress.report(95, summary.rowsRead);
    await this.hook.afterImport(m, applied.practiceIds);
    // One entry for the whole run, in its transaction: who imported which file, and what it changed.
    await this.audit.record(m, {
      actor: run.createdBy ? { userId: run.createdBy } : null,
      action: 'import.apply',
      entityType: 'import_run',
      entityId: run.id,
      details: { format: run.format, fileName: run.fileName, changes: applied.changes },
    });
    await progress.settle();
    const outcome: RunOutcome = {
      ...base,
      state: ImportState.Succeeded,
      summary: summaryOf(applied.changes),
      message:
        `${plural(base.rowsAccepted, 'row')} imported` +
        `${rowsRejected ? `, ${plural(rowsRejected, 'row')} with problems left out (partial mode)` : ''}`,
    };
    await this.runs.finish(m, run.id, outcome);
    return { state: ImportState.Succeeded, changes: applied.changes };
  }

  private async removeFile(runId: number): Promise<void> {
    const run = await this.runs.find(runId, false);
    if (!run?.storedFile) return;
    try {
      await this.files.remove(run.storedFile);
      await this.runs.clearStoredFile(runId);
    } catch (err) {
      this.logger.warn(`Could not remove the file of import run ${runId}: ${(err as Error).message}`);
    }
  }
}

/** `not a GP practice: 50, zero list: 2` */
function skipReasons(skipped: Record<string, number>): string {
  return (
    Object.entries(skipped)
      .map(([reason, n]) => `${reason}: ${n.toLocaleString('en-GB')}`)
      .join(', ') || 'no data rows'
  );
}

/** The parser's problems and the database's, by row, the first MAX_STORED_PROBLEMS. */
function mergeProblems(a: ImportProblem[], b: ImportProblem[]): ImportProblem[] {
  return [...a, ...b].sort((x, y) => x.row - y.row).slice(0, MAX_STORED_PROBLEMS);
}

/** The database unavailable (a restart, a dropped connection…), a deadlock, a serialisation failure: worth a retry. */
function isTransient(err: unknown): boolean {
  if (isDatabaseUnavailable(err)) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}

function failureMessage(err: unknown): string {
  if (err instanceof ImportNotRetriableError) return `The import failed: ${err.message}`;
  const text = String((err as Error)?.message ?? err).slice(0, 300);
  return `The import failed (nothing was imported): ${text}`;
}
