import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  ClinicalSystem,
  Clock,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  mayWriteInRegion,
  NotFoundError,
  RecordSource,
  SERVICES,
} from '@app/domain';
import { Page } from '@app/http';
import { AuditService, changesBetween } from '@app/audit';
import { JobName, Outbox } from '@app/jobs';
import {
  AreaTeamDto,
  CcgDto,
  CreateAreaTeamDto,
  CreateCcgDto,
  CreatePracticeDto,
  CreateRegionDto,
  ListPracticesQuery,
  ListSizeHistoryDto,
  PracticeDto,
  RecordListSizeDto,
  RegionDto,
  UpdatePracticeDto,
} from './practices.dto';
import { LockedPractice, PracticeRow, PracticesRepository } from './practices.repository';

/**
 * Why a write to one practice was refused, in the order every write is checked: no such practice (404),
 * a region the writer may not change (403), an effective date in the future or before the practice
 * opened (422). record_status_event (libs/status/src/sql/record-status-event.sql) answers these codes.
 */
export type WriteRefusal = 'not_found' | 'outside_region' | 'future' | 'before_opened';

/** A refused write and what it was refused on: enough for `refusalError` to say why. */
export interface RefusedWrite {
  refusal: WriteRefusal;
  code: string;
  effectiveDate: string;
  /** The latest effective date allowed when the write was checked. */
  today: string;
  /** The practice as found (null: not found, or not needed to explain). */
  regionCode: string | null;
  openedOn: string | null;
}

/** Rules for geography, practices and list sizes. */
@Injectable()
export class PracticesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: PracticesRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
  ) {}

  async createRegion(dto: CreateRegionDto, actor?: Actor): Promise<RegionDto> {
    await this.db
      .transaction(async (m) => {
        await this.repo.insertRegion(m, dto.code, dto.name);
        await this.audit.record(m, {
          actor,
          action: 'region.create',
          entityType: 'region',
          entityId: dto.code,
          details: { name: dto.name },
        });
      })
      .catch(rethrowDuplicate(`Region ${dto.code} already exists`));
    return { code: dto.code, name: dto.name };
  }

  listRegions(): Promise<RegionDto[]> {
    return this.repo.listRegions();
  }

  async createAreaTeam(dto: CreateAreaTeamDto, actor?: Actor): Promise<AreaTeamDto> {
    await this.db
      .transaction(async (m) => {
        await this.requireRegion(m, dto.regionCode);
        await this.repo.insertAreaTeam(m, dto.code, dto.name, dto.regionCode);
        await this.audit.record(m, {
          actor,
          action: 'area_team.create',
          entityType: 'area_team',
          entityId: dto.code,
          details: { name: dto.name, regionCode: dto.regionCode },
        });
      })
      .catch(rethrowDuplicate(`Area team ${dto.code} already exists`));
    return { code: dto.code, name: dto.name, regionCode: dto.regionCode };
  }

  listAreaTeams(): Promise<AreaTeamDto[]> {
    return this.repo.listAreaTeams();
  }

  async createCcg(dto: CreateCcgDto, actor?: Actor): Promise<CcgDto> {
    await this.db
      .transaction(async (m) => {
        await this.requireRegion(m, dto.regionCode);
        if (dto.areaTeamCode) {
          const teamRegion = await this.repo.areaTeamRegion(dto.areaTeamCode, m);
          if (!teamRegion)
            throw new InvalidInputError('areaTeamCode', `areaTeamCode ${dto.areaTeamCode} is not a known area team`);
          if (teamRegion !== dto.regionCode) {
            throw new InvalidInputError(
              'areaTeamCode',
              `area team ${dto.areaTeamCode} is in region ${teamRegion}, not ${dto.regionCode}`,
            );
          }
        }
        await this.repo.insertCcg(m, dto.code, dto.name, dto.regionCode, dto.areaTeamCode ?? null);
        await this.audit.record(m, {
          actor,
          action: 'ccg.create',
          entityType: 'ccg',
          entityId: dto.code,
          details: { name: dto.name, regionCode: dto.regionCode, areaTeamCode: dto.areaTeamCode ?? null },
        });
      })
      .catch(rethrowDuplicate(`CCG ${dto.code} already exists`));
    return { code: dto.code, name: dto.name, regionCode: dto.regionCode, areaTeamCode: dto.areaTeamCode ?? null };
  }

  listCcgs(regionCode?: string): Promise<CcgDto[]> {
    return this.repo.listCcgs(regionCode);
  }

  async createPractice(dto: CreatePracticeDto, actor?: Actor): Promise<PracticeDto> {
    checkDateOrder(dto.openedOn ?? null, dto.closedOn ?? null);
    await this.db
      .transaction(async (m) => {
        const regionCode = await this.requireCcg(m, dto.ccgCode);
        this.assertMayWrite(actor, regionCode);
        const { code, ...fields } = {
          code: dto.code,
          name: dto.name,
          postcode: dto.postcode ?? null,
          ccgCode: dto.ccgCode,
          clinicalSystem: dto.clinicalSystem ?? ClinicalSystem.UNKNOWN,
          openedOn: dto.openedOn ?? null,
          closedOn: dto.closedOn ?? null,
        };
        const id = await this.repo.insertPractice(m, { code, ...fields });
        if (dto.clinicalSystem !== undefined) await this.repo.reportClinicalSystem(m, id, this.clock.today());
        await this.audit.record(m, {
          actor,
          action: 'practice.create',
          entityType: 'practice',
          entityId: code,
          details: fields,
        });
        await this.askForFollowUpRule(m, id);
      })
      .catch(rethrowDuplicate(`Practice ${dto.code} already exists`));
    return this.getPractice(dto.code);
  }

  async updatePractice(code: string, dto: UpdatePracticeDto, actor?: Actor): Promise<PracticeDto> {
    await this.db.transaction(async (m) => {
      const locked = await this.lockForWrite(m, code, actor);
      const current = (await this.repo.findByCode(code, m))!;
      if (dto.version !== undefined && dto.version !== current.version) {
        throw new ConflictError(
          `Practice ${code} was changed by someone else (version ${current.version}, you sent ${dto.version}): ` +
            `reload and retry`,
          [{ field: 'version', message: `the practice is at version ${current.version}` }],
        );
      }
      const next = {
        name: dto.name ?? current.name,
        postcode: dto.postcode !== undefined ? dto.postcode : current.postcode,
        ccgCode: dto.ccgCode ?? current.ccgCode,
        clinicalSystem: dto.clinicalSystem ?? current.clinicalSystem,
        openedOn: dto.openedOn !== undefined ? dto.openedOn : current.openedOn,
        closedOn: dto.closedOn !== undefined ? dto.closedOn : current.closedOn,
      };
      checkDateOrder(next.openedOn, next.closedOn, dto.closedOn === undefined ? 'openedOn' : 'closedOn');
      if (next.ccgCode !== current.ccgCode) this.assertMayWrite(actor, await this.requireCcg(m, next.ccgCode));
      if (next.openedOn && next.openedOn !== current.openedOn) {
        const earliest = await this.repo.earliestHistoryDate(m, locked.id);
        if (earliest && earliest < next.openedOn) {
          throw new InvalidInputError(
            'openedOn',
            `openedOn ${next.openedOn} is after recorded history starting ${earliest}`,
          );
        }
      }
      // Stated by hand today, changed or confirmed: no older POMI file may undo it.
      if (dto.clinicalSystem !== undefined) await this.repo.reportClinicalSystem(m, locked.id, this.clock.today());
      // Nothing to change (an empty body, or the values already held): no new version, no audit entry,
      // so nobody else's edit based on the current version gets a 409 for nothing.
      const changes = changesBetween(current, next);
      if (!Object.keys(changes).length) return;
      if (!(await this.repo.updatePractice(m, locked.id, current.version, next))) {
        throw new ConflictError(`Practice ${code} was changed concurrently: reload and retry`);
      }
      await this.audit.record(m, {
        actor,
        action: 'practice.update',
        entityType: 'practice',
        entityId: code,
        details: { version: current.version + 1, changes },
      });
      if ('openedOn' in changes || 'closedOn' in changes) await this.askForFollowUpRule(m, locked.id);
    });
    return this.getPractice(code);
  }

  /**
   * Whether a practice needs a follow-up depends on its being open today as well as on its levels: a
   * new practice (every level unknown), or new open or close dates, get the rule now (through the
   * outbox, in the write's own transaction) rather than at the nightly sweep.
   */
  private askForFollowUpRule(m: EntityManager, practiceId: number): Promise<void> {
    return this.outbox.add(m, JobName.EvaluatePractice, { practiceId });
  }

  async getPractice(code: string): Promise<PracticeDto> {
    const row = await this.repo.findByCode(code);
    if (!row) throw this.notFound(code);
    return (await this.withCurrentState([row]))[0];
  }

  async listPractices(query: ListPracticesQuery): Promise<Page<PracticeDto>> {
    if (query.level !== undefined && query.offering !== undefined)
      throw new InvalidInputError('offering', 'give level or offering, not both');
    const byLevel = query.level !== undefined || query.offering !== undefined;
    if ((query.service === undefined) !== !byLevel) {
      const field = query.service === undefined ? 'service' : 'level';
      throw new InvalidInputError(field, 'service filters together with level or offering: give both or neither');
    }
    const { rows, total } = await this.repo.listPractices(query, this.clock.today());
    return { items: await this.withCurrentState(rows), total, page: query.page, pageSize: query.pageSize };
  }

  async recordListSize(code: string, dto: RecordListSizeDto, actor?: Actor): Promise<PracticeDto> {
    await this.db.transaction(async (m) => {
      const practice = await this.lockForWrite(m, code, actor);
      this.checkEffectiveDate(practice, dto.effectiveDate);
      await this.repo.upsertListSize(
        m,
        practice.id,
        dto.effectiveDate,
        dto.patients,
        actor?.userId ?? null,
        RecordSource.Manual,
      );
      await this.audit.record(m, {
        actor,
        action: 'list_size.record',
        entityType: 'practice',
        entityId: code,
        details: { effectiveDate: dto.effectiveDate, patients: dto.patients },
      });
    });
    return this.getPractice(code);
  }

  async listSizeHistory(practiceId: number): Promise<ListSizeHistoryDto[]> {
    return (await this.repo.listSizeHistory(practiceId)).map(({ practiceId: _id, ...rest }) => rest);
  }

  /**
   * For any write about one practice: finds it (404), checks the actor's region (403) and locks its row
   * until the transaction ends, so concurrent writes to one practice apply one after the other.
   */
  async lockForWrite(m: EntityManager, code: string, actor?: Actor): Promise<LockedPractice> {
    const practice = await this.repo.lockByCode(m, code);
    if (!practice) throw this.notFound(code);
    this.assertMayWrite(actor, practice.regionCode);
    return practice;
  }

  /** An effective date may be neither in the future (London's today) nor before the practice opened. */
  checkEffectiveDate(
    practice: Pick<LockedPractice, 'code' | 'openedOn'>,
    effectiveDate: string,
    field = 'effectiveDate',
  ): void {
    const today = this.clock.today();
    const refusal: WriteRefusal | null =
      effectiveDate > today
        ? 'future'
        : practice.openedOn && effectiveDate < practice.openedOn
          ? 'before_opened'
          : null;
    if (refusal) {
      const { code, openedOn } = practice;
      throw this.refusalError({ refusal, code, openedOn, regionCode: null, effectiveDate, today }, undefined, field);
    }
  }

  /**
   * The error the API answers for a write to one practice that broke a rule: found here (lockForWrite,
   * checkEffectiveDate) or by the database under the practice's lock (record_status_event answers the
   * same codes), so both paths answer alike.
   */
  refusalError(refused: RefusedWrite, actor?: Actor, field = 'effectiveDate'): Error {
    const { refusal, code, effectiveDate } = refused;
    switch (refusal) {
      case 'not_found':
        return this.notFound(code);
      case 'outside_region':
        return this.forbidden(actor, refused.regionCode ?? '-');
      case 'future':
        return new InvalidInputError(field, `${field} ${effectiveDate} is in the future (today is ${refused.today})`);
      case 'before_opened':
        return new InvalidInputError(
          field,
          `${field} ${effectiveDate} is before practice ${code} opened (${refused.openedOn})`,
        );
      default:
        return new Error(`Practice ${code}: the database refused a write with an unknown code ${String(refusal)}`);
    }
  }

  /** The practice's internal id, for reads that join on it. */
  async requireId(code: string): Promise<number> {
    const row = await this.repo.findByCode(code);
    if (!row) throw this.notFound(code);
    return row.id;
  }

  private async requireRegion(m: EntityManager, regionCode: string): Promise<void> {
    if (!(await this.repo.regionExists(regionCode, m)))
      throw new InvalidInputError('regionCode', `regionCode ${regionCode} is not a known region`);
  }

  private async requireCcg(m: EntityManager, ccgCode: string): Promise<string> {
    const regionCode = await this.repo.ccgRegion(ccgCode, m);
    if (!regionCode) throw new InvalidInputError('ccgCode', `ccgCode ${ccgCode} is not a known CCG`);
    return regionCode;
  }

  /** The 404 of every lookup of a practice by its code. */
  notFound(code: string): NotFoundError {
    return new NotFoundError(`No practice with code ${code}`);
  }

  private assertMayWrite(actor: Actor | undefined, regionCode: string): void {
    if (!mayWriteInRegion(actor, regionCode)) throw this.forbidden(actor, regionCode);
  }

  private forbidden(actor: Actor | undefined, regionCode: string): ForbiddenError {
    return new ForbiddenError(
      `Your account may change practices in region ${actor?.regionCode ?? '-'} only; this one is in ${regionCode}`,
    );
  }

  private async withCurrentState(rows: PracticeRow[]): Promise<PracticeDto[]> {
    const ids = rows.map((r) => r.id);
    const [levels, sizes] = ids.length
      ? await Promise.all([this.repo.currentLevels(ids), this.repo.currentListSizes(ids)])
      : [[], []];
    return rows.map(({ id, ...r }) => {
      const services = Object.fromEntries(
        SERVICES.map((s) => {
          const found = levels.find((l) => l.practiceId === id && l.service === s);
          return [
            s,
            found
              ? { level: found.level, effectiveDate: found.effectiveDate }
              : { level: 'unknown', effectiveDate: null },
          ];
        }),
      ) as unknown as PracticeDto['services'];
      const size = sizes.find((l) => l.practiceId === id);
      return { ...r, services, listSize: size ? { patients: size.patients, effectiveDate: size.effectiveDate } : null };
    });
  }
}

/** `blame`: the date the client sent (a PATCH may send only one of the two). */
function checkDateOrder(
  openedOn: string | null,
  closedOn: string | null,
  blame: 'openedOn' | 'closedOn' = 'closedOn',
): void {
  if (openedOn && closedOn && closedOn <= openedOn) {
    const message =
      blame === 'closedOn'
        ? `closedOn ${closedOn} must be after openedOn ${openedOn}`
        : `openedOn ${openedOn} must be before closedOn ${closedOn}`;
    throw new InvalidInputError(blame, message);
  }
}

/** Turns a unique violation into a 409 that says what already exists. */
function rethrowDuplicate(message: string) {
  return (err: unknown) => {
    if ((err as { driverError?: { code?: string } }).driverError?.code === '23505') throw new ConflictError(message);
    throw err;
  };
}
