import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { execute, selectCount, selectRows } from '@app/database';
import type { ImportProblem } from '../import-run.types';
import { StageWriter } from './stage-writer';

/** Column labels for the problems the checks find, as the file names them. */
export interface ProblemColumns {
  /** The column of the row's key: practice code, region, CCG or ONS code. */
  key: string;
  date: string;
  ccg: string;
  region: string;
  opened: string;
  closed: string;
  status: string;
}

export type RecordKind = 'practice' | 'list-size' | 'status' | 'region' | 'ccg' | 'ons-ccg-code' | 'ons-ccg-lookup';

/**
 * The run's staging tables (temporary, dropped at commit) and the checks that need the database: the
 * rules across rows and tables that a parser, seeing one row at a time, cannot apply. Each check adds
 * rows to `import_problem`; in partial mode the rows with problems are then removed from the stage.
 */
@Injectable()
export class StageRepository {
  async create(m: EntityManager): Promise<void> {
    await execute(
      m,
      `CREATE TEMP TABLE import_stage (
      row_no integer NOT NULL, kind text NOT NULL, code text NOT NULL, name text, postcode text, region_code text,
        ccg_code text,
      opened_on date, closed_on date, status text, effective_date date, patients integer,
      service service, level service_level, note text, supplier clinical_system, region_name text
    ) ON COMMIT DROP`,
    );
    await execute(
      m,
      `CREATE TEMP TABLE import_problem (row_no integer NOT NULL, col text, value text,
           reason text NOT NULL) ON COMMIT DROP`,
    );
  }

  async writer(m: EntityManager): Promise<StageWriter> {
    return new StageWriter(await pgClient(m));
  }

  /**
   * Temporary tables get no statistics from autovacuum; the checks and upserts need them for good plans.
   * A small sample is enough for a table read whole by hash joins (and costs a tenth of the default).
   */
  async analyze(m: EntityManager): Promise<void> {
    await execute(m, `SET LOCAL default_statistics_target = 10`);
    await execute(m, `ANALYZE import_stage`);
    await execute(m, `RESET default_statistics_target`);
  }

  /**
   * Locks the practices the file names, in id order (two imports never deadlock): status and list-size
   * writes on a practice run under its row lock (see libs/status), so spans and list-size links are
   * rebuilt from a history nobody else is changing.
   */
  async lockPractices(m: EntityManager): Promise<void> {
    await execute(
      m,
      `SELECT p.id FROM practice p
       WHERE p.code IN (SELECT code FROM import_stage WHERE kind IN ('practice', 'list-size', 'status'))
       ORDER BY p.id FOR UPDATE OF p`,
    );
  }

  /**
   * The same key twice in one file: every row of it is a problem (which one is right is not ours to
   * guess). A plain hash aggregate finds the keys first; rows are listed only when there are any.
   */
  async checkDuplicates(m: EntityManager, col: ProblemColumns): Promise<void> {
    await execute(
      m,
      `WITH dup AS (
         SELECT kind, code, coalesce(effective_date, 'infinity') AS d, coalesce(service::text, '') AS svc
         FROM import_stage GROUP BY 1, 2, 3, 4 HAVING count(*) > 1
       ), rows AS (
         SELECT s.row_no, s.kind, s.code, s.effective_date, s.service,
                array_agg(s.row_no) OVER (PARTITION BY s.kind, s.code, dup.d, dup.svc ORDER BY s.row_no
                                          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS all_rows
         FROM import_stage s JOIN dup ON dup.kind = s.kind AND dup.code = s.code
           AND dup.d = coalesce(s.effective_date, 'infinity') AND dup.svc = coalesce(s.service::text, '')
       )
       INSERT INTO import_problem (row_no, col, value, reason)
       SELECT row_no, $1, code,
              CASE kind
                WHEN 'list-size' THEN 'the list size of ' || code || ' on ' || effective_date
                WHEN 'status' THEN service || ' at ' || code || ' on ' || effective_date
                WHEN 'practice' THEN 'practice ' || code
                WHEN 'region' THEN 'region ' || code
                ELSE 'CCG ' || code
              END || ' appears more than once in the file (rows ' || array_to_string(all_rows[1:5], ', ')
              || CASE WHEN cardinality(all_rows) > 5 THEN ', …' ELSE '' END || ')'
       FROM rows`,
      [col.key],
    );
  }

  /**
   * epraccur: the CCG and region must exist; closed needs a close date; history may not start before
   * opening; and a file may not reopen a practice that has a close date. A practice list carries no date
   * of its own, so that row is most likely from an older list (which would also undo newer names and
   * CCGs: strict mode rejects the whole file), or the list lags a closure recorded by hand. Reopening
   * (rare: ODS gives a new code instead) is done through the API.
   */
  async checkPractices(m: EntityManager, col: ProblemColumns): Promise<void> {
    await execute(
      m,
      `INSERT INTO import_problem (row_no, col, value, reason)
       SELECT s.row_no, $1, s.ccg_code, 'CCG ' || s.ccg_code || ' is not known: import the CCGs first'
       FROM import_stage s WHERE s.kind = 'practice' AND NOT EXISTS (SELECT 1 FROM ccg c WHERE c.code = s.ccg_code)
       UNION ALL
       SELECT s.row_no, $2, s.region_code, 'region ' || s.region_code || ' is not known: import the regions first'
       FROM import_stage s
       WHERE s.kind = 'practice' AND NOT EXISTS (SELECT 1 FROM region r WHERE r.code = s.region_code)
       UNION ALL
       SELECT s.row_no, $3, s.status, 'status C (closed) needs a close date'
       FROM import_stage s WHERE s.kind = 'practice' AND s.status = 'C' AND s.closed_on IS NULL
       UNION ALL
       SELECT s.row_no, $4, s.opened_on::text,
              'the open date ' || s.opened_on || ' is after the recorded history of practice ' || s.code
                || ', which starts ' || h.earliest
       FROM import_stage s JOIN practice p ON p.code = s.code
       CROSS JOIN LATERAL (SELECT least((SELECT min(e.effective_date) FROM status_event e WHERE e.practice_id = p.id),
                                        (SELECT min(l.effective_date) FROM list_size l
                                            WHERE l.practice_id = p.id)) AS earliest) h
       WHERE s.kind = 'practice' AND s.opened_on IS DISTINCT FROM p.opened_on AND s.opened_on > h.earliest
       UNION ALL
       SELECT s.row_no, $5, '',
              'practice ' || s.code || ' is recorded as closing on ' || p.closed_on
                || ' and this file has no close date for it: '
              || 'an older practice list? An import never reopens a practice '
              || '(reopen it through the API if it has reopened)'
       FROM import_stage s JOIN practice p ON p.code = s.code
       WHERE s.kind = 'practice' AND s.closed_on IS NULL AND p.closed_on IS NOT NULL`,
      [col.ccg, col.region, col.status, col.opened, col.closed],
    );
  }

  /**
   * List sizes and statuses: the practice must exist, and the date may not be before it opened (the
   * API's rule). One pass over the stage (a left join), not one per rule.
   */
  async checkPracticeFacts(m: EntityManager, col: ProblemColumns): Promise<void> {
    await execute(
      m,
      `INSERT INTO import_problem (row_no, col, value, reason)
       SELECT s.row_no,
              CASE WHEN p.id IS NULL THEN $1 ELSE $2 END,
              CASE WHEN p.id IS NULL THEN s.code ELSE s.effective_date::text END,
              CASE WHEN p.id IS NULL THEN 'practice ' || s.code
                || ' is not known: import the practice list (epraccur) first'
                   ELSE 'the effective date ' || s.effective_date || ' is before practice ' || s.code || ' opened ('
                     || p.opened_on || ')' END
       FROM import_stage s LEFT JOIN practice p ON p.code = s.code
       WHERE s.kind IN ('list-size', 'status') AND (p.id IS NULL OR s.effective_date < p.opened_on)`,
      [col.key, col.date],
    );
  }

  /**
   * CCGs (ours, or the ONS lookup through the ONS → ODS codes): the region must exist (the lookup brings
   * its own), the ONS code must have an ODS code, two rows may not name one CCG, and a CCG may not leave
   * the region of its area team.
   */
  async checkCcgs(m: EntityManager, col: ProblemColumns): Promise<void> {
    await execute(
      m,
      `WITH rows AS (
         SELECT s.row_no, s.kind, s.code, s.region_code, CASE WHEN s.kind = 'ccg' THEN s.code ELSE o.ccg_code END AS ccg
         FROM import_stage s LEFT JOIN ons_ccg_code o ON s.kind = 'ons-ccg-lookup' AND o.ons_code = s.code
         WHERE s.kind IN ('ccg', 'ons-ccg-lookup')
       )
       INSERT INTO import_problem (row_no, col, value, reason)
       SELECT row_no, $1, region_code, 'region ' || region_code || ' is not known: import the regions first'
       FROM rows WHERE kind = 'ccg' AND NOT EXISTS (SELECT 1 FROM region r WHERE r.code = rows.region_code)
       UNION ALL
       SELECT row_no, $2, region_code, 'the region ' || region_code
         || ' has no ODS code (not one of the four 2013 regions)'
       FROM rows WHERE kind = 'ons-ccg-lookup' AND region_code IS NULL
       UNION ALL
       SELECT row_no, $3, code, 'no ODS code is known for CCG ' || code
         || ': import the CCG code list (ccg-codes) first'
       FROM rows WHERE kind = 'ons-ccg-lookup' AND ccg IS NULL
       UNION ALL
       SELECT row_no, $3, code, 'CCG ' || ccg || ' appears more than once in the file'
       FROM (SELECT *, count(*) OVER (PARTITION BY ccg) AS n FROM rows
           WHERE kind = 'ons-ccg-lookup' AND ccg IS NOT NULL) d WHERE n > 1
       UNION ALL
       SELECT rows.row_no, $1, rows.region_code,
              'CCG ' || c.code || ' belongs to area team ' || a.code || ' in region ' || a.region_code
                || ': it cannot move to region ' || rows.region_code
       FROM rows JOIN ccg c ON c.code = rows.ccg JOIN area_team a ON a.code = c.area_team_code
       WHERE a.region_code <> rows.region_code`,
      [col.region, col.region, col.key],
    );
  }

  /** ccg-codes: one ODS code may not stand for two ONS codes. */
  async checkOnsCodes(m: EntityManager, col: ProblemColumns): Promise<void> {
    await execute(
      m,
      `INSERT INTO import_problem (row_no, col, value, reason)
       SELECT row_no, $1, ccg_code, 'CCG ' || ccg_code || ' appears more than once in the file'
       FROM (SELECT row_no, ccg_code, count(*) OVER (PARTITION BY ccg_code) AS n FROM import_stage
           WHERE kind = 'ons-ccg-code') d
       WHERE n > 1`,
      [col.ccg],
    );
  }

  async problemCounts(m: EntityManager): Promise<{ problems: number; rows: number }> {
    const [row] = await selectRows<{ problems: number; rows: number }>(
      m,
      `SELECT count(*)::int AS problems, count(DISTINCT row_no)::int AS rows FROM import_problem`,
    );
    return row;
  }

  async firstProblems(m: EntityManager, limit: number): Promise<ImportProblem[]> {
    const rows = await selectRows<{ row: number; column: string | null; value: string | null; reason: string }>(
      m,
      `SELECT row_no AS row, col AS column, value, reason FROM import_problem ORDER BY row_no, reason LIMIT $1`,
      [limit],
    );
    return rows.map(({ row, column, value, reason }) => ({
      row,
      ...(column ? { column } : {}),
      ...(value !== null ? { value } : {}),
      reason,
    }));
  }

  /** Partial mode: what is left in the stage is what gets written. */
  async dropRowsWithProblems(m: EntityManager): Promise<void> {
    await execute(m, `DELETE FROM import_stage WHERE row_no IN (SELECT row_no FROM import_problem)`);
  }

  async countLookupRegions(m: EntityManager): Promise<number> {
    return selectCount(
      m,
      `SELECT count(DISTINCT region_code)::int AS n FROM import_stage WHERE kind = 'ons-ccg-lookup'`,
    );
  }

  async countByKind(m: EntityManager): Promise<Map<RecordKind, number>> {
    const rows = await selectRows<{ kind: RecordKind; n: number }>(
      m,
      `SELECT kind, count(*)::int AS n FROM import_stage GROUP BY kind`,
    );
    return new Map(rows.map((r) => [r.kind, r.n]));
  }
}

/** The pg client under a transaction's EntityManager (COPY needs the raw connection). */
async function pgClient(m: EntityManager): Promise<PoolClient> {
  if (!m.queryRunner) throw new Error('staging needs the EntityManager of a transaction');
  return (await m.queryRunner.connect()) as PoolClient;
}
