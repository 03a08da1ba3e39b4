import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Actor, Role, UnauthorizedError } from '@app/domain';

export const IS_PUBLIC = 'isPublic';
export const ROLES = 'roles';

/** Open to anyone, no token (health, docs, sign-in). Any token sent is ignored. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The roles allowed on a route or controller; the handler's list overrides the controller's. A route that
 * is neither public nor given roles is refused to everyone (the access guard fails closed).
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/**
 * The signed-in user of the request. Fails closed: a handler that asks for the actor never runs without
 * one (e.g. on a route wrongly marked public), since services read "no actor" as the system itself.
 */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<{ user?: Actor }>().user;
  if (!actor) throw new UnauthorizedError('Sign in first: send Authorization: Bearer <access token>');
  return actor;
});
