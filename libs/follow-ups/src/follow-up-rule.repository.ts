import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { changedRows, execute, selectRows } from '@app/database';
import { practiceInScope } from '@app/practices';
import { ACTIVE_STATES, FollowUpState } from './follow-ups.enums';

const ACTIVE_SQL = `(${ACTIVE_STATES.map((s) => `'${s}'`).join(', ')})`;

/**
 * For the practices considered ($2: ids, or null for all), on date $1: whether each is in scope (open
 * that day: the figures' own rule, practiceInScope) and which services it does not offer, i.e. whose level
 * as of $1 is below enabled or unknown. Missing services come in the enum's order, so arrays compare reliably.
 */
const CONSIDERED = `
  considered AS (
    SELECT p.id AS practice_id, (${practiceInScope('p', '$1::date')}) AS in_scope,
           ARRAY(SELECT s FROM unnest(enum_range(NULL::service)) AS s
                 WHERE NOT EXISTS (SELECT 1 FROM status_span sp
                                   WHERE sp.practice_id = p.id AND sp.service = s AND sp.level = 'enabled'
                                     AND sp.valid_from <= $1::date AND (sp.valid_to IS NULL OR sp.valid_to > $1::date))
                 ORDER BY s) AS missing
    FROM practice p
    WHERE $2::int[] IS NULL OR p.id = ANY($2::int[])
  )`;

export interface RuleOutcome {
  created: { id: number; dueDate: string }[];
  updated: number;
  resolved: number;
  cancelled: number;
}

/**
 * The follow-up rule as set-based SQL, the same for one practice (after a status write) and for all of
 * them (the nightly sweep). Every statement only moves the data towards the rule, so running it twice
 * changes nothing more. The caller holds share locks on the practices (see lockPractices).
 */
@Injectable()
export class FollowUpRuleRepository {
  /**
   * Share locks on the practices until the transaction ends. Status writes lock a practice FOR UPDATE,
   * so no status changes under the rule's feet, while rule runs on the same practices proceed together.
   */
  async lockPractices(m: EntityManager, practiceIds: number[] | null): Promise<void> {
    await execute(m, `SELECT id FROM practice WHERE $1::int[] IS NULL OR id = ANY($1::int[]) ORDER BY id FOR SHARE`, [
      practiceIds,
    ]);
  }

  /** Resolves follow-ups whose practice now offers everything; cancels those whose practice is not open. */
  async close(
    m: EntityManager,
    today: string,
    practiceIds: number[] | null,
  ): Promise<{ resolved: number; cancelled: number }> {
    const { rows } = await changedRows<{ state: FollowUpState }>(
      m,
      `WITH ${CONSIDERED},
       closing AS (
         SELECT f.id, NOT c.in_scope AS cancel
         FROM follow_up f JOIN considered c ON c.practice_id = f.practice_id
         WHERE f.state IN ${ACTIVE_SQL} AND (NOT c.in_scope OR cardinality(c.missing) = 0)
       )
       UPDATE follow_up f
       SET state = CASE WHEN closing.cancel THEN 'cancelled' ELSE 'resolved' END::follow_up_state,
           close_note = CASE WHEN closing.cancel
                             THEN format('Cancelled automatically: the practice is not open on %s.', $1::date)
                             ELSE format('Resolved automatically: appointments, prescriptions and records are all '
                                         || 'enabled as of %s.', $1::date) END,
           closed_at = now(), closed_by = NULL, updated_at = now()
       FROM closing WHERE f.id = closing.id
       RETURNING f.state`,
      [today, practiceIds],
    );
    return {
      resolved: rows.filter((r) => r.state === FollowUpState.Resolved).length,
      cancelled: rows.filter((r) => r.state === FollowUpState.Cancelled).length,
    };
  }

  /** Keeps each active follow-up's services in step with what its practice still does not offer. */
  async updateServices(m: EntityManager, today: string, practiceIds: number[] | null): Promise<number> {
    const { count } = await changedRows(
      m,
      `WITH ${CONSIDERED}
       UPDATE follow_up f SET services_not_offered = c.missing, updated_at = now()
       FROM considered c
       WHERE f.practice_id = c.practice_id AND f.state IN ${ACTIVE_SQL}
         AND c.in_scope AND cardinality(c.missing) > 0 AND f.services_not_offered <> c.missing
       RETURNING f.id`,
      [today, practiceIds],
    );
    return count;
  }

  /**
   * Opens a follow-up for each practice in scope that misses a service and has none active. The partial
   * unique index settles a race with a concurrent run: the loser inserts nothing.
   */
  create(
    m: EntityManager,
    today: string,
    practiceIds: number[] | null,
    dueInDays: number,
  ): Promise<{ id: number; dueDate: string }[]> {
    return selectRows<{ id: number; dueDate: string }>(
      m,
      `WITH ${CONSIDERED}
       INSERT INTO follow_up (practice_id, services_not_offered, due_date)
       SELECT c.practice_id, c.missing, $1::date + $3::int
       FROM considered c
       WHERE c.in_scope AND cardinality(c.missing) > 0
         AND NOT EXISTS (SELECT 1 FROM follow_up f WHERE f.practice_id = c.practice_id AND f.state IN ${ACTIVE_SQL})
       ORDER BY c.practice_id
       ON CONFLICT (practice_id) WHERE state IN ${ACTIVE_SQL} DO NOTHING
       RETURNING id, due_date::text AS "dueDate"`,
      [today, practiceIds, dueInDays],
    );
  }
}
