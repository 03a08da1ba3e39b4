import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, selectRows } from '@app/database';
import type { Service } from '@app/domain';

/** Rows written by one statement: how many were new, how many changed, and the practices concerned. */
export interface Written {
  added: number;
  updated: number;
  /** Practices whose data changed (for the follow-up rule and the span / list-size upkeep). */
  practiceIds: number[];
}

/** A practice and service that got new status events (their spans need rebuilding). */
export interface ServicePair {
  practiceId: number;
  service: Service;
}

/** What the statements below select: counts, and the ids of the practices whose data changed. */
interface ChangedRow {
  n: number;
  practice_ids: number[];
}
interface WrittenRow {
  added: number;
  updated: number;
  practice_ids: number[];
}

/**
 * Set-based writes from the staging table into the real tables, each one statement. Rows equal to what
 * is stored are left alone (`WHERE … IS DISTINCT FROM`), so importing a file twice changes nothing; a
 * `RETURNING xmax = 0` tells an inserted row from an updated one.
 */
@Injectable()
export class ApplyRepository {
  async regions(m: EntityManager): Promise<Written> {
    return this.counted(
      m,
      `WITH src AS (
         SELECT code, name FROM import_stage WHERE kind = 'region'
         UNION ALL
         (SELECT DISTINCT ON (region_code) region_code, region_name FROM import_stage WHERE kind = 'ons-ccg-lookup'
             ORDER BY region_code, row_no)
       ), up AS (
         INSERT INTO region AS r (code, name) SELECT code, name FROM src
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name WHERE r.name IS DISTINCT FROM EXCLUDED.name
         RETURNING xmax = 0 AS inserted
       )`,
    );
  }

  /** Our CCG file, or the ONS lookup with ODS codes from `ons_ccg_code`. The area team stays as it is. */
  async ccgs(m: EntityManager): Promise<Written> {
    return this.counted(
      m,
      `WITH src AS (
         SELECT code, name, region_code FROM import_stage WHERE kind = 'ccg'
         UNION ALL
         SELECT o.ccg_code, s.name, s.region_code FROM import_stage s JOIN ons_ccg_code o ON o.ons_code = s.code
         WHERE s.kind = 'ons-ccg-lookup'
       ), up AS (
         INSERT INTO ccg AS c (code, name, region_code) SELECT code, name, region_code FROM src
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code
           WHERE (c.name, c.region_code) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.region_code)
         RETURNING xmax = 0 AS inserted
       )`,
    );
  }

  async onsCcgCodes(m: EntityManager): Promise<Written> {
    return this.counted(
      m,
      `WITH up AS (
         INSERT INTO ons_ccg_code AS o (ons_code, ccg_code, name)
         SELECT code, ccg_code, name FROM import_stage WHERE kind = 'ons-ccg-code'
         ON CONFLICT (ons_code) DO UPDATE SET ccg_code = EXCLUDED.ccg_code, name = EXCLUDED.name
           WHERE (o.ccg_code, o.name) IS DISTINCT FROM (EXCLUDED.ccg_code, EXCLUDED.name)
         RETURNING xmax = 0 AS inserted
       )`,
    );
  }

  /**
   * epraccur: name, postcode, CCG, open and close dates (status C comes with its close date). The
   * clinical system is not in the file: new practices get UNKNOWN, known ones keep theirs. An update
   * bumps `version`, so an edit based on the old values gets its 409.
   */
  async practices(m: EntityManager): Promise<Written> {
    return this.counted(
      m,
      `WITH up AS (
         INSERT INTO practice AS p (code, name, postcode, ccg_code, opened_on, closed_on)
         SELECT code, name, postcode, ccg_code, opened_on, closed_on FROM import_stage WHERE kind = 'practice'
         ON CONFLICT (code) DO UPDATE
           SET name = EXCLUDED.name, postcode = EXCLUDED.postcode, ccg_code = EXCLUDED.ccg_code,
             opened_on = EXCLUDED.opened_on,
               closed_on = EXCLUDED.closed_on, version = p.version + 1, updated_at = now()
           WHERE (p.name, p.postcode, p.ccg_code, p.opened_on, p.closed_on)
                 IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.postcode, EXCLUDED.ccg_code, EXCLUDED.opened_on,
                     EXCLUDED.closed_on)
         RETURNING p.id AS practice_id, xmax = 0 AS inserted
       )`,
      [],
      true,
    );
  }

  /**
   * List sizes, and their `valid_to` links (each runs to the practice's next effective date). First a
   * figure for a date already held is replaced where it differs (a corrected publication; dates, so links,
   * unchanged). Then the new dates go in by add_list_sizes (libs/practices/src/sql/add-list-sizes.sql, the
   * one copy of the link rule), linked as they go in, with the row before each practice's first new date
   * relinked: an import of the latest month rewrites one row a practice, never the whole history. Both
   * read the state before them and run under the practices' row locks.
   */
  async listSizes(m: EntityManager, recordedBy: number | null): Promise<Written> {
    const staged = `SELECT p.id AS practice_id, s.effective_date, s.patients FROM import_stage s
                    JOIN practice p ON p.code = s.code WHERE s.kind = 'list-size'`;
    const [changed] = await selectRows<ChangedRow>(
      m,
      `WITH staged AS (${staged}), up AS (
         UPDATE list_size l SET patients = st.patients, recorded_by = $1::int, source = 'import', recorded_at = now()
         FROM staged st
         WHERE l.practice_id = st.practice_id AND l.effective_date = st.effective_date AND l.patients <> st.patients
         RETURNING l.practice_id
       )
       SELECT count(*)::int AS n, coalesce(array_agg(DISTINCT practice_id), '{}') AS practice_ids FROM up`,
      [recordedBy],
    );
    // One row a practice and date (the checks refuse a file that repeats one), the link rule's one copy.
    const [added] = await selectRows<ChangedRow>(
      m,
      `SELECT count(*)::int AS n, coalesce(array_agg(DISTINCT a.practice_id), '{}') AS practice_ids
       FROM (SELECT array_agg(practice_id) AS ids, array_agg(effective_date) AS dates, array_agg(patients) AS patients
             FROM (${staged}) st) s
       CROSS JOIN LATERAL add_list_sizes(s.ids, s.dates, s.patients, $1::int, 'import') AS a(practice_id)`,
      [recordedBy],
    );
    return {
      added: added.n,
      updated: changed.n,
      practiceIds: [...new Set<number>([...added.practice_ids, ...changed.practice_ids])],
    };
  }

  /**
   * Appends a status event only where the level changes: compared with the level as of the row's date,
   * which is the stored history's (the span covering that date) unless an earlier row of this file for
   * the same practice and service is more recent than that span's start (this file's event would win).
   * Rows that were not appended equal the level before them, so comparing with them is still right.
   * Returns the (practice, service) pairs that got events, for the span upkeep.
   */
  async statusEvents(
    m: EntityManager,
    recordedBy: number | null,
    note: string,
  ): Promise<Written & { pairs: ServicePair[] }> {
    const [row] = await selectRows<{ added: number; practice_ids: number[]; services: Service[] }>(
      m,
      `WITH staged AS (
         SELECT p.id AS practice_id, s.service, s.level, s.effective_date, s.note,
                lag(s.level) OVER w AS prev_level, lag(s.effective_date) OVER w AS prev_date
         FROM import_stage s JOIN practice p ON p.code = s.code
         WHERE s.kind = 'status'
         WINDOW w AS (PARTITION BY p.id, s.service ORDER BY s.effective_date)
       ), changed AS (
         SELECT st.* FROM staged st
         LEFT JOIN status_span sp ON sp.practice_id = st.practice_id AND sp.service = st.service
           AND sp.valid_from <= st.effective_date AND (sp.valid_to IS NULL OR sp.valid_to > st.effective_date)
         WHERE st.level IS DISTINCT FROM
               CASE WHEN st.prev_date IS NOT NULL AND (sp.valid_from IS NULL OR st.prev_date >= sp.valid_from)
                    THEN st.prev_level ELSE sp.level END
       ), up AS (
         INSERT INTO status_event (practice_id, service, level, effective_date, recorded_by, source, note)
         SELECT practice_id, service, level, effective_date, $1::int, 'import', coalesce(note, $2)
         FROM changed ORDER BY practice_id, service, effective_date
         RETURNING practice_id, service
       ), pairs AS (
         SELECT practice_id, service, count(*) AS n FROM up GROUP BY 1, 2
       )
       SELECT coalesce(sum(n), 0)::int AS added, coalesce(array_agg(practice_id), '{}') AS practice_ids,
              coalesce(array_agg(service::text), '{}') AS services
       FROM pairs`,
      [recordedBy, note],
    );
    const ids: number[] = row.practice_ids;
    const services: Service[] = row.services;
    return {
      added: row.added,
      updated: 0,
      practiceIds: [...new Set(ids)],
      pairs: ids.map((practiceId, i) => ({ practiceId, service: services[i] })),
    };
  }

  /**
   * POMI names each practice's clinical system supplier. It is taken when it is known and the file is not
   * older than the newest word on the practice's system (`clinical_system_report`: an earlier file's
   * period end, or the day it was set through the API), so an old file imported late does not undo a
   * newer supplier, even one a newer file named without changing any level. The newest word moves to this
   * file's date for every practice it names that way, changed or not.
   */
  async clinicalSystems(m: EntityManager): Promise<Written & { named: number }> {
    // Rows with problems are gone by now, so every staged code is a known practice: the latest supplier
    // per code is found in the stage alone (sorted by bytes: COLLATE "C" halves the sort).
    const [row] = await selectRows<{ named: number; updated: number; practice_ids: number[] }>(
      m,
      `WITH named AS (
         SELECT DISTINCT ON (s.code COLLATE "C") s.code, s.supplier, s.effective_date FROM import_stage s
         WHERE s.kind = 'status' AND s.supplier IS NOT NULL AND s.supplier <> 'UNKNOWN'
         ORDER BY s.code COLLATE "C", s.effective_date DESC
       ), newest AS (
         SELECT p.id, n.supplier, n.effective_date, r.as_of
         FROM named n JOIN practice p ON p.code = n.code LEFT JOIN clinical_system_report r ON r.practice_id = p.id
         WHERE r.as_of IS NULL OR r.as_of <= n.effective_date
       ), moved AS (
         -- Every practice of every new month: a plain update, HOT on the half-empty pages (fillfactor 50).
         UPDATE clinical_system_report r SET as_of = n.effective_date, source = 'import'
         FROM newest n WHERE r.practice_id = n.id AND r.as_of < n.effective_date
       ), first_word AS (
         INSERT INTO clinical_system_report (practice_id, as_of, source)
         SELECT id, effective_date, 'import' FROM newest WHERE as_of IS NULL
         ON CONFLICT (practice_id) DO NOTHING
       ), up AS (
         UPDATE practice p SET clinical_system = n.supplier, version = p.version + 1, updated_at = now()
         FROM newest n WHERE p.id = n.id AND p.clinical_system <> n.supplier
         RETURNING p.id
       )
       SELECT (SELECT count(*) FROM named)::int AS named, (SELECT count(*) FROM up)::int AS updated,
              coalesce((SELECT array_agg(id) FROM up), '{}') AS practice_ids`,
    );
    return { added: 0, updated: row.updated, named: row.named, practiceIds: row.practice_ids };
  }

  /**
   * Fresh planner statistics for tables an import has just changed (after its commit, on the global
   * connection pool). Autovacuum analyses them too, but later, or never when it is off: meanwhile the
   * figures plan their joins from the counts before the import (a nested loop over practices × spans).
   */
  async analyze(m: EntityManager, tables: string[]): Promise<void> {
    if (tables.length) await execute(m, `ANALYZE ${tables.map((t) => `"${t}"`).join(', ')}`);
  }

  /** Runs `WITH … up AS (… RETURNING [practice_id,] inserted)` and counts what it returned. */
  private async counted(
    m: EntityManager,
    withUp: string,
    params: unknown[] = [],
    perPractice = false,
  ): Promise<Written> {
    const [row] = await selectRows<WrittenRow>(
      m,
      `${withUp}
       SELECT count(*) FILTER (WHERE inserted)::int AS added, count(*) FILTER (WHERE NOT inserted)::int AS updated,
              ${perPractice ? `coalesce(array_agg(DISTINCT practice_id), '{}')` : `'{}'::int[]`} AS practice_ids
       FROM up`,
      params,
    );
    return { added: row.added, updated: row.updated, practiceIds: row.practice_ids };
  }
}
