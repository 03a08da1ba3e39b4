import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  Clock,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  mayWriteInRegion,
  NotFoundError,
  Role,
} from '@app/domain';
import { Page } from '@app/http';
import { AuditService } from '@app/audit';
import { JobName, Outbox } from '@app/jobs';
import {
  AssignOwnerDto,
  CloseFollowUpDto,
  FollowUpDetailDto,
  FollowUpSummaryDto,
  ListFollowUpsQuery,
  OwnerOptionListDto,
  RecordBarriersDto,
  RecordContactDto,
  SetDueDateDto,
} from './follow-ups.dto';
import { FollowUpAction, FollowUpState, isActive } from './follow-ups.enums';
import { FollowUpsRepository, LockedFollowUp, OwnerCandidate } from './follow-ups.repository';

/** Contact times may run a little ahead of our clock (another machine's clock); more is a mistake. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** What support staff do with follow-ups (DESIGN.md "Follow-ups and barriers"). */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: FollowUpsRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListFollowUpsQuery, actor?: Actor): Promise<Page<FollowUpSummaryDto>> {
    let ownerId = query.ownerId;
    if (query.mine) {
      if (!actor) throw new InvalidInputError('mine', 'mine=true needs a signed-in user');
      if (ownerId !== undefined && ownerId !== actor.userId)
        throw new InvalidInputError('ownerId', 'give either mine=true or another ownerId, not both');
      ownerId = actor.userId;
    }
    const { items, total } = await this.repo.list({ ...query, ownerId }, this.clock.today());
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: number, m: EntityManager = this.db.manager): Promise<FollowUpDetailDto> {
    const summary = await this.repo.summary(id, this.clock.today(), m);
    if (!summary) throw new NotFoundError(`No follow-up ${id}`);
    // One after the other: inside a transaction they share one connection.
    const contacts = await this.repo.contacts(id, m);
    const barriers = await this.repo.barriers(id, m);
    const changes = await this.repo.changes(id, m);
    return { ...summary, contacts, barriers, changes };
  }

  /** Who may own the follow-up now: the people `assignOwner` accepts (the form offers only them). */
  async ownerOptions(id: number): Promise<OwnerOptionListDto> {
    const f = await this.repo.findLine(id);
    if (!f) throw new NotFoundError(`No follow-up ${id}`);
    const people = await this.repo.ownerOptions(f.regionCode);
    return { items: people.map(({ id, name, role, regionCode }) => ({ id, name, role, regionCode })) };
  }

  /** A contact attempt; the first one moves an open follow-up to contacted. */
  recordContact(id: number, dto: RecordContactDto, actor?: Actor): Promise<FollowUpDetailDto> {
    return this.write(id, actor, 'follow_up.contact', async (m, f) => {
      const contactedAt = dto.contactedAt ? new Date(dto.contactedAt) : this.clock.now();
      if (contactedAt.getTime() > this.clock.now().getTime() + CLOCK_SKEW_MS) {
        throw new InvalidInputError('contactedAt', `contactedAt ${dto.contactedAt} is in the future`);
      }
      await this.repo.insertContact(m, id, {
        contactedAt,
        method: dto.method,
        outcome: dto.outcome,
        recordedBy: actor?.userId ?? null,
        recordedAt: this.clock.now(),
      });
      if (f.state === FollowUpState.Open) await this.repo.setState(m, id, FollowUpState.Contacted);
      return { method: dto.method, contactedAt: contactedAt.toISOString() };
    });
  }

  /** Barriers for services the practice does not offer; the follow-up moves to barriers_recorded. */
  recordBarriers(id: number, dto: RecordBarriersDto, actor?: Actor): Promise<FollowUpDetailDto> {
    return this.write(id, actor, 'follow_up.barriers', async (m, f) => {
      dto.barriers.forEach((b, i) => {
        if (!f.servicesNotOffered.includes(b.service)) {
          throw new InvalidInputError(
            `barriers.${i}.service`,
            `barriers.${i}.service ${b.service} is not among the services this follow-up is about ` +
              `(${f.servicesNotOffered.join(', ')})`,
          );
        }
      });
      const barriers = dto.barriers.map((b) => ({
        service: b.service,
        category: b.category,
        detail: b.detail || null,
      }));
      // The Clock's now, like every "when" of the feature, so the report's date filter follows it in tests too.
      await this.repo.insertBarriers(m, id, barriers, actor?.userId ?? null, this.clock.now());
      if (f.state !== FollowUpState.BarriersRecorded) await this.repo.setState(m, id, FollowUpState.BarriersRecorded);
      return { barriers: barriers.map(({ service, category }) => ({ service, category })) };
    });
  }

  /** Moves the due date; the old due job is replaced through the outbox. */
  setDueDate(id: number, dto: SetDueDateDto, actor?: Actor): Promise<FollowUpDetailDto> {
    return this.write(id, actor, FollowUpAction.DueDate, async (m, f) => {
      const today = this.clock.today();
      if (dto.dueDate < today)
        throw new InvalidInputError('dueDate', `dueDate ${dto.dueDate} is in the past (today is ${today})`);
      if (dto.dueDate === f.dueDate) return undefined;
      await this.repo.setDueDate(m, id, dto.dueDate);
      await this.outbox.add(m, JobName.FollowUpDue, {
        followUpId: id,
        dueDate: dto.dueDate,
        previousDueDate: f.dueDate,
      });
      return { changes: { dueDate: { from: f.dueDate, to: dto.dueDate } } };
    });
  }

  /**
   * Sets or clears the owner. An owner is someone who can do the work and hear the reminders: an active
   * admin or support user who may write in the follow-up's region (DESIGN.md "People").
   */
  assignOwner(id: number, dto: AssignOwnerDto, actor?: Actor): Promise<FollowUpDetailDto> {
    return this.write(id, actor, FollowUpAction.Owner, async (m, f) => {
      if (dto.ownerId !== null) {
        const owner = await this.repo.ownerCandidate(m, dto.ownerId);
        const unfit = whyNotOwner(owner, dto.ownerId, f.regionCode);
        if (unfit) throw new InvalidInputError('ownerId', unfit);
      }
      if (dto.ownerId === f.ownerId) return undefined;
      await this.repo.setOwner(m, id, dto.ownerId);
      return { changes: { ownerId: { from: f.ownerId, to: dto.ownerId } } };
    });
  }

  resolve(id: number, dto: CloseFollowUpDto, actor?: Actor): Promise<FollowUpDetailDto> {
    return this.closeWith(id, FollowUpState.Resolved, dto, actor);
  }

  cancel(id: number, dto: CloseFollowUpDto, actor?: Actor): Promise<FollowUpDetailDto> {
    return this.closeWith(id, FollowUpState.Cancelled, dto, actor);
  }

  /**
   * Closing by hand, then the rule is applied again to the practice: if it still misses a service, a
   * fresh follow-up opens (DESIGN.md: exactly one active follow-up while a service is not offered).
   */
  private closeWith(
    id: number,
    state: FollowUpState.Resolved | FollowUpState.Cancelled,
    dto: CloseFollowUpDto,
    actor?: Actor,
  ) {
    return this.write(
      id,
      actor,
      state === FollowUpState.Resolved ? 'follow_up.resolve' : 'follow_up.cancel',
      async (m, f) => {
        await this.repo.close(m, id, state, dto.reason, actor?.userId ?? null);
        await this.outbox.add(m, JobName.EvaluatePractice, { practiceId: f.practiceId });
        return { reason: dto.reason };
      },
    );
  }

  /**
   * Every write: lock the follow-up, check the actor's region and that it is still active, apply, audit
   * what it did (`apply` returns the entry's details; undefined when nothing changed), read back.
   */
  private write(
    id: number,
    actor: Actor | undefined,
    action: string,
    apply: (m: EntityManager, f: LockedFollowUp) => Promise<Record<string, unknown> | undefined>,
  ): Promise<FollowUpDetailDto> {
    return this.db.transaction(async (m) => {
      const f = await this.repo.lock(m, id);
      if (!f) throw new NotFoundError(`No follow-up ${id}`);
      if (!mayWriteInRegion(actor, f.regionCode)) {
        throw new ForbiddenError(
          `Your account may change follow-ups in region ${actor?.regionCode ?? '-'} only; this one is in ` +
            `${f.regionCode}`,
        );
      }
      if (!isActive(f.state)) throw new ConflictError(`Follow-up ${id} is ${f.state}: it can no longer change`);
      const details = await apply(m, f);
      if (details)
        await this.audit.record(m, {
          actor,
          action,
          entityType: 'follow_up',
          entityId: id,
          details: { practiceId: f.practiceId, ...details },
        });
      return this.get(id, m);
    });
  }
}

/** Why a user may not own a follow-up in `regionCode`, or undefined when they may. */
function whyNotOwner(owner: OwnerCandidate | undefined, userId: number, regionCode: string): string | undefined {
  if (!owner) return `there is no user ${userId}`;
  if (!owner.active) return `user ${userId} (${owner.name}) is deactivated`;
  if (owner.role === Role.Manager)
    return `user ${userId} (${owner.name}) is a manager: follow-ups are owned by support staff or admins`;
  if (!mayWriteInRegion({ userId, role: owner.role, regionCode: owner.regionCode }, regionCode)) {
    return (
      `user ${userId} (${owner.name}) works in region ${owner.regionCode} only; this follow-up's practice is in ` +
      `${regionCode}`
    );
  }
  return undefined;
}
