import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '@app/domain';
import { Page } from '@app/http';
import { AppConfig } from '@app/config';
import { AuditEntryDto, AuditQuery } from './audit.dto';
import { AuditRepository } from './audit.repository';

export interface AuditRecord {
  /** Who made the change (an Actor will do); none for the system (a job, the first-admin set-up). */
  actor?: Pick<Actor, 'userId'> | null;
  /** `<entity>.<verb>`, e.g. `practice.update`. */
  action: string;
  entityType: string;
  entityId: string | number;
  details?: Record<string, unknown>;
}

/** The audit trail: every write records who made it (DESIGN.md "People"). */
@Injectable()
export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly config: AppConfig,
  ) {}

  /** Call inside the write's own transaction, with its EntityManager: the entry commits or rolls back with it. */
  record(m: EntityManager, entry: AuditRecord): Promise<void> {
    return this.repo.insert(m, {
      userId: entry.actor?.userId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      details: entry.details ?? {},
    });
  }

  async list(query: AuditQuery): Promise<Page<AuditEntryDto>> {
    const { rows, total } = await this.repo.list(query, this.config.APP_TIME_ZONE);
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }
}

/** For edits: `{field: {from, to}}` of the fields whose value changed (empty when nothing did). */
export function changesBetween<T extends object>(
  before: T,
  after: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const next = after[key];
    if (next !== undefined && next !== before[key]) changes[key as string] = { from: before[key], to: next };
  }
  return changes;
}
