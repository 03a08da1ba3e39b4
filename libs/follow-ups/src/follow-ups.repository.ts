import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, selectCount, selectOne, selectRows } from '@app/database';
import { Role, Service } from '@app/domain';
import type {
  BarrierDto,
  ContactDto,
  FollowUpChangeDto,
  FollowUpSummaryDto,
  ListFollowUpsQuery,
} from './follow-ups.dto';
import { ACTIVE_STATES, BarrierCategory, ContactMethod, FollowUpAction, FollowUpState } from './follow-ups.enums';

/** A follow-up read under its row lock by a write, with what the write checks. */
export interface LockedFollowUp {
  id: number;
  practiceId: number;
  regionCode: string;
  state: FollowUpState;
  dueDate: string;
  servicesNotOffered: Service[];
  ownerId: number | null;
}

/** A user as the owner check sees them. */
export interface OwnerCandidate {
  id: number;
  name: string;
  role: Role;
  regionCode: string | null;
  active: boolean;
}

/** One active follow-up as reminders list it. */
export interface FollowUpLine {
  id: number;
  practiceCode: string;
  practiceName: string;
  regionCode: string;
  ownerId: number | null;
  dueDate: string;
  servicesNotOffered: Service[];
}

const ACTIVE_SQL = `(${ACTIVE_STATES.map((s) => `'${s}'`).join(', ')})`;

/** `today` is $1 in every query using SUMMARY_COLUMNS (for `overdue`). */
const SUMMARY_COLUMNS = `
  f.id, json_build_object('code', p.code, 'name', p.name, 'ccgCode', p.ccg_code,
                          'regionCode', c.region_code) AS practice,
  f.services_not_offered::text[] AS "servicesNotOffered", f.owner_id AS "ownerId",
  (SELECT name FROM app_user u WHERE u.id = f.owner_id) AS "ownerName", f.due_date::text AS "dueDate",
  (f.state IN ${ACTIVE_SQL} AND f.due_date < $1::date) AS overdue, f.state,
  f.created_at AS "createdAt", f.updated_at AS "updatedAt", f.closed_at AS "closedAt", f.closed_by AS "closedBy",
  (SELECT name FROM app_user u WHERE u.id = f.closed_by) AS "closedByName", f.close_note AS "closeNote",
  (SELECT max(contacted_at) FROM follow_up_contact fc WHERE fc.follow_up_id = f.id) AS "lastContactAt",
  (SELECT count(*)::int FROM follow_up_barrier fb WHERE fb.follow_up_id = f.id) AS "barrierCount"`;

const FROM_FOLLOW_UP = `FROM follow_up f JOIN practice p ON p.id = f.practice_id JOIN ccg c ON c.code = p.ccg_code`;

/** All SQL of follow-ups, their contacts and barriers (the rule's bulk SQL is in follow-up-rule.repository). */
@Injectable()
export class FollowUpsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(
    q: ListFollowUpsQuery & { ownerId?: number },
    today: string,
  ): Promise<{ items: FollowUpSummaryDto[]; total: number }> {
    const params: unknown[] = [today];
    const param = (v: unknown) => `$${params.push(v)}`;
    const where: string[] = [];
    if (q.state === 'active') where.push(`f.state IN ${ACTIVE_SQL}`);
    else if (q.state === 'closed') where.push(`f.state NOT IN ${ACTIVE_SQL}`);
    else if (q.state !== 'all') where.push(`f.state = ${param(q.state)}`);
    if (q.regionCode) where.push(`c.region_code = ${param(q.regionCode)}`);
    if (q.ownerId !== undefined) where.push(`f.owner_id = ${param(q.ownerId)}`);
    if (q.unassigned === true) where.push(`f.owner_id IS NULL`);
    if (q.unassigned === false) where.push(`f.owner_id IS NOT NULL`);
    // Due and overdue only mean something for work still to do.
    if (q.due === 'overdue') where.push(`f.state IN ${ACTIVE_SQL} AND f.due_date < $1::date`);
    if (q.due === 'due') where.push(`f.state IN ${ACTIVE_SQL} AND f.due_date <= $1::date`);
    if (q.practiceCode) where.push(`p.code = ${param(q.practiceCode)}`);
    if (q.notOffered) where.push(`${param(q.notOffered)}::service = ANY (f.services_not_offered)`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [items, total] = await Promise.all([
      selectRows<FollowUpSummaryDto>(
        this.db,
        `SELECT ${SUMMARY_COLUMNS} ${FROM_FOLLOW_UP} ${filter}
         ORDER BY f.due_date, f.id LIMIT ${param(q.pageSize)} OFFSET ${param((q.page - 1) * q.pageSize)}`,
        params,
      ),
      // $1 (today) is selected so that its type is known even when no filter uses it.
      selectCount(
        this.db,
        `SELECT count(*)::int AS n, $1::date AS today ${FROM_FOLLOW_UP} ${filter}`,
        params.slice(0, params.length - 2),
      ),
    ]);
    return { items, total };
  }

  summary(id: number, today: string, m: EntityManager = this.db.manager): Promise<FollowUpSummaryDto | undefined> {
    return selectOne<FollowUpSummaryDto>(m, `SELECT ${SUMMARY_COLUMNS} ${FROM_FOLLOW_UP} WHERE f.id = $2`, [today, id]);
  }

  contacts(id: number, m: EntityManager = this.db.manager): Promise<ContactDto[]> {
    return selectRows<ContactDto>(
      m,
      `SELECT id::text, contacted_at AS "contactedAt", method, outcome, recorded_by AS "recordedBy",
         (SELECT name FROM app_user u WHERE u.id = recorded_by) AS "recordedByName", recorded_at AS "recordedAt"
       FROM follow_up_contact WHERE follow_up_id = $1 ORDER BY contacted_at DESC, id DESC`,
      [id],
    );
  }

  barriers(id: number, m: EntityManager = this.db.manager): Promise<BarrierDto[]> {
    return selectRows<BarrierDto>(
      m,
      `SELECT id::text, service, category, detail, recorded_by AS "recordedBy",
         (SELECT name FROM app_user u WHERE u.id = recorded_by) AS "recordedByName", recorded_at AS "recordedAt"
       FROM follow_up_barrier WHERE follow_up_id = $1 ORDER BY recorded_at DESC, id DESC`,
      [id],
    );
  }

  /**
   * Its changes of due date and owner, newest first. They live only in the audit trail (the follow-up row
   * keeps the current values): the entries `FollowUpsService` wrote for them, with the owners' names.
   */
  changes(id: number, m: EntityManager = this.db.manager): Promise<FollowUpChangeDto[]> {
    const ownerName = (end: 'from' | 'to') =>
      `(SELECT name FROM app_user u WHERE u.id = (a.details #>> '{changes,ownerId,${end}}')::int)`;
    return selectRows<FollowUpChangeDto>(
      m,
      `SELECT a.at,
         CASE a.action WHEN $2 THEN 'dueDate' ELSE 'owner' END AS field,
         CASE a.action WHEN $2 THEN a.details #>> '{changes,dueDate,from}' ELSE ${ownerName('from')} END AS "from",
         CASE a.action WHEN $2 THEN a.details #>> '{changes,dueDate,to}' ELSE ${ownerName('to')} END AS "to",
         a.user_id AS "by", (SELECT name FROM app_user u WHERE u.id = a.user_id) AS "byName"
       FROM audit_entry a
       WHERE a.entity_type = 'follow_up' AND a.entity_id = $1::text AND a.action IN ($2, $3)
       ORDER BY a.at DESC, a.id DESC`,
      [id, FollowUpAction.DueDate, FollowUpAction.Owner],
    );
  }

  /** Locks the follow-up for the rest of the transaction: writes to one follow-up apply one after the other. */
  lock(m: EntityManager, id: number): Promise<LockedFollowUp | undefined> {
    return selectOne<LockedFollowUp>(
      m,
      `SELECT f.id, f.practice_id AS "practiceId", c.region_code AS "regionCode", f.state,
         f.due_date::text AS "dueDate",
              f.services_not_offered::text[] AS "servicesNotOffered", f.owner_id AS "ownerId"
       ${FROM_FOLLOW_UP} WHERE f.id = $1 FOR UPDATE OF f`,
      [id],
    );
  }

  async insertContact(
    m: EntityManager,
    followUpId: number,
    c: { contactedAt: Date; method: ContactMethod; outcome: string; recordedBy: number | null; recordedAt: Date },
  ): Promise<void> {
    await execute(
      m,
      `INSERT INTO follow_up_contact (follow_up_id, contacted_at, method, outcome, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [followUpId, c.contactedAt, c.method, c.outcome, c.recordedBy, c.recordedAt],
    );
  }

  async insertBarriers(
    m: EntityManager,
    followUpId: number,
    barriers: { service: Service; category: BarrierCategory; detail: string | null }[],
    recordedBy: number | null,
    recordedAt: Date,
  ): Promise<void> {
    await execute(
      m,
      `INSERT INTO follow_up_barrier (follow_up_id, service, category, detail, recorded_by, recorded_at)
       SELECT $1, s::service, c::barrier_category, d, $5, $6
       FROM unnest($2::text[], $3::text[], $4::text[]) AS t(s, c, d)`,
      [
        followUpId,
        barriers.map((b) => b.service),
        barriers.map((b) => b.category),
        barriers.map((b) => b.detail),
        recordedBy,
        recordedAt,
      ],
    );
  }

  async setState(m: EntityManager, id: number, state: FollowUpState): Promise<void> {
    await execute(m, `UPDATE follow_up SET state = $2, updated_at = now() WHERE id = $1`, [id, state]);
  }

  async setDueDate(m: EntityManager, id: number, dueDate: string): Promise<void> {
    await execute(m, `UPDATE follow_up SET due_date = $2, updated_at = now() WHERE id = $1`, [id, dueDate]);
  }

  /**
   * A user who might own a follow-up, read FOR SHARE: a deactivation or role change waits until the
   * assignment commits, so an owner is never made of someone who just stopped qualifying.
   */
  ownerCandidate(m: EntityManager, userId: number): Promise<OwnerCandidate | undefined> {
    return selectOne<OwnerCandidate>(
      m,
      `SELECT id, name, role::text AS role, region_code AS "regionCode", active FROM app_user WHERE id = $1 FOR SHARE`,
      [userId],
    );
  }

  /**
   * Everyone who may own a follow-up in `regionCode` (the rule of \`whyNotOwner\` in the service, as SQL):
   * active admins, and active support staff of that region or of none. By name.
   */
  ownerOptions(regionCode: string): Promise<OwnerCandidate[]> {
    return selectRows<OwnerCandidate>(
      this.db,
      `SELECT id, name, role::text AS role, region_code AS "regionCode", active FROM app_user
       WHERE active AND (role = 'admin' OR (role = 'support' AND (region_code IS NULL OR region_code = $1)))
       ORDER BY name, id`,
      [regionCode],
    );
  }

  async setOwner(m: EntityManager, id: number, ownerId: number | null): Promise<void> {
    await execute(m, `UPDATE follow_up SET owner_id = $2, updated_at = now() WHERE id = $1`, [id, ownerId]);
  }

  async close(
    m: EntityManager,
    id: number,
    state: FollowUpState.Resolved | FollowUpState.Cancelled,
    note: string,
    closedBy: number | null,
  ): Promise<void> {
    await execute(
      m,
      `UPDATE follow_up SET state = $2, close_note = $3, closed_by = $4, closed_at = now(), updated_at = now()
       WHERE id = $1`,
      [id, state, note, closedBy],
    );
  }

  /** The active follow-ups due on or before `date` (optionally: strictly before), with their practice. */
  activeDueBy(date: string, opts: { strictlyBefore?: boolean; ownedOnly?: boolean } = {}): Promise<FollowUpLine[]> {
    return selectRows<FollowUpLine>(
      this.db,
      `SELECT f.id, p.code AS "practiceCode", p.name AS "practiceName", c.region_code AS "regionCode",
         f.owner_id AS "ownerId",
              f.due_date::text AS "dueDate", f.services_not_offered::text[] AS "servicesNotOffered"
       ${FROM_FOLLOW_UP}
       WHERE f.state IN ${ACTIVE_SQL} AND ${opts.strictlyBefore ? 'f.due_date < $1' : 'f.due_date <= $1'}
         ${opts.ownedOnly ? 'AND f.owner_id IS NOT NULL' : ''}
       ORDER BY f.due_date, f.id`,
      [date],
    );
  }

  findLine(id: number): Promise<(FollowUpLine & { state: FollowUpState }) | undefined> {
    return selectOne<FollowUpLine & { state: FollowUpState }>(
      this.db,
      `SELECT f.id, p.code AS "practiceCode", p.name AS "practiceName", c.region_code AS "regionCode",
         f.owner_id AS "ownerId",
              f.due_date::text AS "dueDate", f.services_not_offered::text[] AS "servicesNotOffered", f.state
       ${FROM_FOLLOW_UP} WHERE f.id = $1`,
      [id],
    );
  }
}
