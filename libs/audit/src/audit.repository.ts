import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, selectCount, selectRows } from '@app/database';
import type { AuditEntryDto, AuditQuery } from './audit.dto';

export interface NewAuditEntry {
  userId: number | null;
  action: string;
  entityType: string;
  entityId: string;
  details: Record<string, unknown>;
}

/** All SQL of the audit trail. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(m: EntityManager, e: NewAuditEntry): Promise<void> {
    await execute(
      m,
      `INSERT INTO audit_entry (user_id, action, entity_type, entity_id, details) VALUES ($1, $2, $3, $4, $5)`,
      [e.userId, e.action, e.entityType, e.entityId, JSON.stringify(e.details)],
    );
  }

  /** Newest first; `from` inclusive, `to` exclusive; a bare date means its midnight in `timeZone`. */
  async list(q: AuditQuery, timeZone: string): Promise<{ rows: AuditEntryDto[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => `$${params.push(v)}`;
    if (q.entityType) where.push(`a.entity_type = ${param(q.entityType)}`);
    if (q.entityId) where.push(`a.entity_id = ${param(q.entityId)}`);
    if (q.userId !== undefined) where.push(`a.user_id = ${param(q.userId)}`);
    if (q.action) where.push(`a.action = ${param(q.action)}`);
    const instant = (value: string) =>
      /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? `(${param(value)}::date::timestamp AT TIME ZONE ${param(timeZone)})`
        : `${param(value)}::timestamptz`;
    if (q.from) where.push(`a.at >= ${instant(q.from)}`);
    if (q.to) where.push(`a.at < ${instant(q.to)}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [rows, total] = await Promise.all([
      selectRows<AuditEntryDto>(
        this.db,
        `SELECT a.id::text AS id, a.at, a.user_id AS "userId", u.email AS "userEmail", a.action,
                a.entity_type AS "entityType", a.entity_id AS "entityId", a.details
         FROM audit_entry a LEFT JOIN app_user u ON u.id = a.user_id
         ${filter}
         ORDER BY a.at DESC, a.id DESC
         LIMIT ${param(q.pageSize)} OFFSET ${param((q.page - 1) * q.pageSize)}`,
        params,
      ),
      selectCount(this.db, `SELECT count(*)::int AS n FROM audit_entry a ${filter}`, params.slice(0, -2)),
    ]);
    return { rows, total };
  }
}
