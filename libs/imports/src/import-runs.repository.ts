import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { changedRows, execute, exists, selectCount, selectOne, selectRows } from '@app/database';
import { MAX_INTEGER } from '@app/http';
import { ImportState } from './import-run.entity';
import type { ImportOptions, ImportProblem, ImportSummary } from './import-run.types';
import type { ImportFormat } from './parsers';

export interface ImportRunRow {
  id: number;
  format: ImportFormat;
  fileName: string;
  fileSize: number;
  fileSha256: string;
  storedFile: string | null;
  options: ImportOptions;
  state: ImportState;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsSkipped: number;
  progress: number;
  rowsDone: number;
  rowsTotal: number | null;
  problemCount: number;
  problems?: ImportProblem[];
  summary: ImportSummary | null;
  message: string | null;
  attempts: number;
  createdBy: number | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface NewImportRun {
  format: ImportFormat;
  fileName: string;
  fileSize: number;
  fileSha256: string;
  rowsTotal: number;
  storedFile: string;
  options: ImportOptions;
  createdBy: number | null;
}

export interface RunOutcome {
  state: ImportState.Succeeded | ImportState.Rejected | ImportState.Failed;
  /** The line the parser reached; null when it read the whole file (then every line is done). */
  stoppedAtLine?: number | null;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsSkipped: number;
  problemCount: number;
  problems: ImportProblem[];
  summary: ImportSummary | null;
  message: string;
}

const RUN_COLUMNS = `id, format, file_name AS "fileName", file_size::float8 AS "fileSize", file_sha256 AS "fileSha256",
  stored_file AS "storedFile", options, state, rows_read AS "rowsRead", rows_accepted AS "rowsAccepted",
  rows_rejected AS "rowsRejected", rows_skipped AS "rowsSkipped", progress, rows_done AS "rowsDone",
  rows_total AS "rowsTotal", problem_count AS "problemCount", summary,
  message, attempts, created_by AS "createdBy", created_at AS "createdAt", started_at AS "startedAt",
    finished_at AS "finishedAt"`;

/** Any fixed number: imports run one at a time across all workers (and CLI runs in-process). */
const IMPORT_LOCK_KEY = 7_438_190_212;

/** All SQL of the import_run table. */
@Injectable()
export class ImportRunsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(m: EntityManager, run: NewImportRun): Promise<number> {
    const [row] = await selectRows<{ id: number }>(
      m,
      `INSERT INTO import_run (format, file_name, file_size, file_sha256, stored_file, options, created_by, rows_total)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        run.format,
        run.fileName,
        run.fileSize,
        run.fileSha256,
        run.storedFile,
        JSON.stringify(run.options),
        run.createdBy,
        run.rowsTotal,
      ],
    );
    return row.id;
  }

  async isActiveUser(userId: number): Promise<boolean> {
    if (!(userId >= 1 && userId <= MAX_INTEGER)) return false;
    return exists(this.db, `SELECT 1 FROM app_user WHERE id = $1 AND active`, [userId]);
  }

  find(id: number, withProblems = true): Promise<ImportRunRow | undefined> {
    return selectOne<ImportRunRow>(
      this.db,
      `SELECT ${RUN_COLUMNS}${withProblems ? ', problems' : ''} FROM import_run WHERE id = $1`,
      [id],
    );
  }

  /** A page of a run's stored problems (kept sorted by row), with how many are stored; undefined: no such run. */
  async problems(
    id: number,
    page: number,
    pageSize: number,
  ): Promise<{ rows: ImportProblem[]; stored: number } | undefined> {
    const run = await selectOne<{ stored: number }>(
      this.db,
      `SELECT jsonb_array_length(problems) AS stored FROM import_run WHERE id = $1`,
      [id],
    );
    if (!run) return undefined;
    const rows = await selectRows<{ problem: ImportProblem }>(
      this.db,
      `SELECT p.problem FROM import_run r, jsonb_array_elements(r.problems) WITH ORDINALITY AS p(problem, n)
       WHERE r.id = $1 ORDER BY p.n LIMIT $2 OFFSET $3`,
      [id, pageSize, (page - 1) * pageSize],
    );
    return { rows: rows.map((r) => r.problem), stored: run.stored };
  }

  async list(q: {
    state?: ImportState;
    format?: ImportFormat;
    page: number;
    pageSize: number;
  }): Promise<{ rows: ImportRunRow[]; total: number }> {
    const where = `WHERE ($1::import_state IS NULL OR state = $1) AND ($2::import_format IS NULL OR format = $2)`;
    const params = [q.state ?? null, q.format ?? null];
    const [rows, total] = await Promise.all([
      selectRows<ImportRunRow>(
        this.db,
        `SELECT ${RUN_COLUMNS} FROM import_run ${where} ORDER BY id DESC LIMIT $3 OFFSET $4`,
        [...params, q.pageSize, (q.page - 1) * q.pageSize],
      ),
      selectCount(this.db, `SELECT count(*)::int AS n FROM import_run ${where}`, params),
    ]);
    return { rows, total };
  }

  /**
   * Waits until no other import is running, for the rest of the transaction `m`: one import at a time
   * keeps their checks and writes from interleaving, and a run processed twice (a job run again after a
   * lost lock) waits for the first to finish and then finds it done.
   */
  async waitForImportLock(m: EntityManager): Promise<void> {
    await execute(m, `SELECT pg_advisory_xact_lock($1)`, [IMPORT_LOCK_KEY]);
  }

  /**
   * Settings for the import's transaction: no JIT (its statements cost enough to trigger it, and compiling
   * took longer than running them), and room for the sorts and hashes of a whole file in memory.
   */
  async tuneImportTransaction(m: EntityManager): Promise<void> {
    await execute(m, `SET LOCAL jit = off`);
    await execute(m, `SET LOCAL work_mem = '64MB'`);
  }

  /** Marks the run running (committed at once, outside the import's transaction); undefined when it is over. */
  async claim(id: number): Promise<ImportRunRow | undefined> {
    const { rows } = await changedRows<ImportRunRow>(
      this.db,
      `UPDATE import_run SET state = 'running', started_at = now(), attempts = attempts + 1, progress = 0,
                             rows_done = 0
       WHERE id = $1 AND state IN ('queued', 'running') RETURNING ${RUN_COLUMNS}`,
      [id],
    );
    return rows[0];
  }

  /**
   * Progress seen by GET /imports/:id while the import's own transaction is still open: the share done and
   * the line of the file reached (`rows_read` keeps meaning that while running, as the CLI shows it).
   */
  async reportProgress(id: number, progress: number, line: number): Promise<void> {
    await execute(
      this.db,
      `UPDATE import_run SET progress = $2, rows_read = $3, rows_done = LEAST($3, coalesce(rows_total, $3))
       WHERE id = $1 AND state = 'running'`,
      [id, progress, line],
    );
  }

  /** Records the outcome; inside the import's transaction for a success, so data and state commit together. */
  async finish(m: EntityManager, id: number, o: RunOutcome): Promise<void> {
    await execute(
      m,
      `UPDATE import_run SET state = $2, rows_read = $3, rows_accepted = $4, rows_rejected = $5, rows_skipped = $6,
              problem_count = $7, problems = $8, summary = $9, message = $10, progress = 100,
              -- where the parser stopped, else the whole file; never past the lines counted (LEAST skips nulls)
              rows_done = coalesce(LEAST($11::int, rows_total), rows_done),
              finished_at = clock_timestamp() -- now() would be the start of the import's transaction
       WHERE id = $1`,
      [
        id,
        o.state,
        o.rowsRead,
        o.rowsAccepted,
        o.rowsRejected,
        o.rowsSkipped,
        o.problemCount,
        JSON.stringify(o.problems),
        o.summary === null ? null : JSON.stringify(o.summary),
        o.message,
        o.stoppedAtLine ?? null,
      ],
    );
  }

  async markFailed(id: number, message: string): Promise<void> {
    await execute(
      this.db,
      `UPDATE import_run SET state = 'failed', message = $2, finished_at = now()
       WHERE id = $1 AND state IN ('queued', 'running')`,
      [id, message],
    );
  }

  async clearStoredFile(id: number): Promise<void> {
    await execute(this.db, `UPDATE import_run SET stored_file = NULL WHERE id = $1`, [id]);
  }
}
