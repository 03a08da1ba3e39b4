import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, ConflictError, InvalidInputError, NotFoundError, Role } from '@app/domain';
import { Page } from '@app/http';
import { AuditService, changesBetween } from '@app/audit';
import { LoginAttempts } from './login-attempts';
import { PasswordHasher, passwordProblem } from './passwords';
import { CreateUserDto, ListUsersQuery, normaliseEmail, ResetPasswordDto, UpdateUserDto, UserDto } from './people.dto';
import { CredentialsCache } from './credentials-cache';
import { Credentials, PeopleRepository } from './people.repository';

export type FirstAdminResult = 'created' | 'admin-exists';

/** Rules for people: who exists, with which role and region, and that an active admin always remains. */
@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: PeopleRepository,
    private readonly passwords: PasswordHasher,
    private readonly attempts: LoginAttempts,
    private readonly audit: AuditService,
    private readonly signedIn: CredentialsCache,
  ) {}

  async createUser(dto: CreateUserDto, actor?: Actor): Promise<UserDto> {
    // Hash outside the transaction: no connection is held while argon2 works.
    const passwordHash = await this.passwords.hash(dto.password);
    return this.db
      .transaction(async (m) => {
        const user = await this.repo.insert(m, {
          email: dto.email,
          name: dto.name,
          role: dto.role,
          regionCode: dto.regionCode ?? null,
          passwordHash,
        });
        await this.audit.record(m, {
          actor,
          action: 'user.create',
          entityType: 'user',
          entityId: user.id,
          details: { email: user.email, name: user.name, role: user.role, regionCode: user.regionCode },
        });
        return user;
      })
      .catch(rethrowConstraint(`A user with e-mail ${dto.email} already exists`, dto.regionCode));
  }

  async listUsers(query: ListUsersQuery): Promise<Page<UserDto>> {
    const { rows, total } = await this.repo.list(query);
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }

  async getUser(id: number): Promise<UserDto> {
    const user = await this.repo.findById(id);
    if (!user) throw new NotFoundError(`No user with id ${id}`);
    return user;
  }

  /** Changes take effect on the user's next request (the signed-in users' cache forgets them on commit). */
  async updateUser(id: number, dto: UpdateUserDto, actor?: Actor, action = 'user.update'): Promise<UserDto> {
    return this.db
      .transaction(async (m) => {
        if (dto.role !== undefined || dto.active === false) await this.repo.lockAdminChanges(m);
        const current = await this.lockUser(m, id);
        const next = {
          name: dto.name ?? current.name,
          role: dto.role ?? current.role,
          regionCode: dto.regionCode !== undefined ? dto.regionCode : current.regionCode,
          active: dto.active ?? current.active,
        };
        const changes = changesBetween(current, next);
        if (!Object.keys(changes).length) return current;
        const wasAdmin = current.role === Role.Admin && current.active;
        if (wasAdmin && !(next.role === Role.Admin && next.active)) await this.keepAnotherAdmin(m, id);
        // Deactivation also ends every token, so a later reactivation does not bring old sessions back.
        const updated = await this.repo.update(m, id, { ...next, endSessions: current.active && !next.active });
        await this.audit.record(m, {
          actor,
          action,
          entityType: 'user',
          entityId: id,
          details: { email: current.email, changes },
        });
        return updated;
      })
      .finally(() => this.signedIn.forget(id))
      .catch(rethrowConstraint('', dto.regionCode));
  }

  deactivateUser(id: number, actor?: Actor): Promise<UserDto> {
    return this.updateUser(id, { active: false }, actor, 'user.deactivate');
  }

  /** An admin sets a new password: every earlier token of the user stops working, and any lock-out ends. */
  async resetPassword(id: number, dto: ResetPasswordDto, actor?: Actor): Promise<UserDto> {
    const passwordHash = await this.passwords.hash(dto.password);
    const user = await this.db.transaction(async (m) => {
      const current = await this.lockUser(m, id);
      await this.repo.setPasswordHash(m, id, passwordHash, true);
      await this.audit.record(m, {
        actor,
        action: 'user.password_reset',
        entityType: 'user',
        entityId: id,
        details: { email: current.email },
      });
      return current;
    });
    this.signedIn.forget(id);
    await this.attempts.succeeded(user.email);
    return this.getUser(id);
  }

  /**
   * The first admin, from ADMIN_EMAIL/ADMIN_PASSWORD or the CLI: created only when no active admin exists
   * (so restarting with the variables still set changes nothing). Several instances starting together
   * create one between them.
   */
  async createFirstAdmin(
    input: { email: string; password: string; name?: string },
    source: string,
  ): Promise<FirstAdminResult> {
    const problem = passwordProblem(input.password);
    if (problem) throw new InvalidInputError('password', `The admin password ${problem}`);
    const email = normaliseEmail(input.email);
    const passwordHash = await this.passwords.hash(input.password);
    return this.db.transaction(async (m) => {
      await this.repo.lockFirstAdminCreation(m);
      if (await this.repo.anyActiveAdmin(m)) return 'admin-exists';
      const existing = await this.repo.credentialsByEmail(email, m);
      if (existing) {
        throw new ConflictError(
          `${email} already has an account (${existing.role}${existing.active ? '' : ', inactive'}): use another ` +
            `e-mail address`,
        );
      }
      const user = await this.repo.insert(m, {
        email,
        name: input.name ?? 'Administrator',
        role: Role.Admin,
        regionCode: null,
        passwordHash,
      });
      await this.audit.record(m, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        details: { email, role: Role.Admin, source },
      });
      return 'created';
    });
  }

  // ---- for sign-in (AuthService) ----

  credentialsByEmail(email: string): Promise<Credentials | undefined> {
    return this.repo.credentialsByEmail(email);
  }

  credentialsById(id: number): Promise<Credentials | undefined> {
    return this.repo.credentialsById(id);
  }

  /** A new password from the user: ends their other sessions; returns the credentials to issue fresh tokens from. */
  async changeOwnPassword(actor: Actor, newPassword: string): Promise<Credentials> {
    const passwordHash = await this.passwords.hash(newPassword);
    const updated = await this.db.transaction(async (m) => {
      const current = await this.lockUser(m, actor.userId);
      const credentials = await this.repo.setPasswordHash(m, actor.userId, passwordHash, true);
      await this.audit.record(m, {
        actor,
        action: 'user.password_change',
        entityType: 'user',
        entityId: actor.userId,
        details: { email: current.email },
      });
      return credentials;
    });
    this.signedIn.forget(actor.userId);
    return updated;
  }

  /** Silently upgrades a hash made with older parameters (the password is known right after a sign-in). */
  async rehash(id: number, password: string): Promise<void> {
    const passwordHash = await this.passwords.hash(password);
    await this.db.transaction((m) => this.repo.setPasswordHash(m, id, passwordHash, false));
    this.signedIn.forget(id);
  }

  async endSessions(id: number): Promise<void> {
    await this.repo.endSessions(id);
    this.signedIn.forget(id);
  }

  /** For the access guard: served from the signed-in users' cache when it may be. */
  signedInCredentials(id: number): Promise<Credentials | undefined> {
    return this.signedIn.get(id, () => this.repo.credentialsById(id));
  }

  private async lockUser(m: EntityManager, id: number): Promise<UserDto> {
    const user = await this.repo.lockById(m, id);
    if (!user) throw new NotFoundError(`No user with id ${id}`);
    return user;
  }

  private async keepAnotherAdmin(m: EntityManager, id: number): Promise<void> {
    const admins = await this.repo.lockActiveAdmins(m);
    if (!admins.some((adminId) => adminId !== id)) {
      throw new ConflictError('This is the last active admin: make someone else an admin first');
    }
  }
}

/** A duplicate e-mail → 409; an unknown region (foreign key) → 400 naming regionCode. */
function rethrowConstraint(duplicateMessage: string, regionCode: string | null | undefined) {
  return (err: unknown) => {
    const code = (err as { driverError?: { code?: string } }).driverError?.code;
    if (code === '23505' && duplicateMessage) throw new ConflictError(duplicateMessage);
    if (code === '23503' && regionCode)
      throw new InvalidInputError('regionCode', `regionCode ${regionCode} is not a known region`);
    throw err;
  };
}
