import { CanActivate, ExecutionContext, Injectable, Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { Actor, ForbiddenError, Role, ROLES } from '@app/common';

/**
 * Test-only stand-in for authentication, until the people feature's JWT guard is merged: a request may
 * say who makes it in the X-Test-Actor header (JSON of an Actor), and @Roles is enforced for it.
 * Without the header a request is an internal caller, as the API treats it today. Once real
 * authentication lands, specs switch to `ctx.api(role)` with real users and this file goes.
 */
export const TEST_ACTOR_HEADER = 'x-test-actor';

@Injectable()
class TestActorGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest();
    const header = req.headers[TEST_ACTOR_HEADER];
    if (typeof header !== 'string' || req.user) return true;
    const actor = JSON.parse(header) as Actor;
    req.user = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (roles && !roles.includes(actor.role)) throw new ForbiddenError(`Role ${actor.role} may not do this`);
    return true;
  }
}

@Module({ providers: [{ provide: APP_GUARD, useClass: TestActorGuard }] })
export class TestActorModule {}

export const actorHeader = (actor: Actor): [string, string] => [TEST_ACTOR_HEADER, JSON.stringify(actor)];
