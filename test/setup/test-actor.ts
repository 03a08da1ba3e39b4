import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { TestingModuleBuilder } from '@nestjs/testing';
import { AuthService } from '@app/people';
import { AccessGuard } from '../../apps/api/src/auth/access.guard';
import { Actor, ForbiddenError, Role } from '@app/domain';
import { ROLES } from '@app/http';

/**
 * For specs about follow-up rules rather than access (access has its own matrix test with the real
 * guard): the access guard is swapped for one that takes the actor from the X-Test-Actor header (JSON of
 * an Actor) and still enforces @Roles; a bearer token is checked as usual. No header and no token: an
 * internal caller. Use with `TestContext.create(withTestActors)`.
 */
export const TEST_ACTOR_HEADER = 'x-test-actor';

@Injectable()
class TestActorGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest();
    const header = req.headers[TEST_ACTOR_HEADER];
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (typeof header !== 'string' && bearer) req.user = await this.auth.authenticate(bearer);
    if (typeof header !== 'string') return true;
    const actor = JSON.parse(header) as Actor;
    req.user = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && !roles.includes(actor.role)) throw new ForbiddenError(`Role ${actor.role} may not do this`);
    return true;
  }
}

export const withTestActors = (builder: TestingModuleBuilder) =>
  builder.overrideProvider(AccessGuard).useClass(TestActorGuard);

export const actorHeader = (actor: Actor): [string, string] => [TEST_ACTOR_HEADER, JSON.stringify(actor)];
