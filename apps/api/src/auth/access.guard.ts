import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, ForbiddenError, Role, UnauthorizedError } from '@app/domain';
import { IS_PUBLIC, ROLES } from '@app/http';
import { AuthService } from '@app/people';

/**
 * The one gate of every route (APP_GUARD). Public routes pass untouched; every other one needs a valid
 * access token of an active user, and that user's role among the route's `@Roles`. A route with neither
 * `@Public` nor `@Roles` is refused to everyone: forgetting the decorator closes a route, never opens it.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<FastifyRequest & { user?: Actor }>();
    const res = context.switchToHttp().getResponse<FastifyReply>();
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      res.header('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedError('Sign in first: send Authorization: Bearer <access token> (POST /api/v1/auth/login)');
    }
    try {
      req.user = await this.auth.authenticate(token);
    } catch (err) {
      res.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw err;
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (!roles?.length) throw new ForbiddenError('This route has no access rule, so nobody may use it');
    if (!roles.includes(req.user.role)) throw new ForbiddenError(`Your role (${req.user.role}) may not do this`);
    return true;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
