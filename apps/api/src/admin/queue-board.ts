import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { Actor, ErrorBody, Role } from '@app/common';
import { BullJobQueues, createQueueBoardRouter } from '@app/jobs';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * Who is asking for the queue board. Bull Board is plain Express middleware, outside Nest's guards, so
 * the authentication feature binds this token to a function reading the request's credentials (the
 * same token or cookie its guard accepts). Bound to "nobody" until then: the board answers 401.
 */
export const QUEUE_BOARD_ACTOR = Symbol('QUEUE_BOARD_ACTOR');
export type QueueBoardActorResolver = (req: Request) => Actor | undefined | Promise<Actor | undefined>;
export const noQueueBoardActor: QueueBoardActorResolver = () => undefined;

/** Mounts Bull Board at /admin/queues for admins only (DESIGN.md "People": admin has everything). */
export function mountQueueBoard(app: INestApplication): void {
  const resolveActor = app.get<QueueBoardActorResolver>(QUEUE_BOARD_ACTOR, { strict: false });
  const router = createQueueBoardRouter(app.get(BullJobQueues, { strict: false }), QUEUE_BOARD_PATH);
  app.use(`${QUEUE_BOARD_PATH}/sign-in`, signIn(resolveActor));
  app.use(QUEUE_BOARD_PATH, adminOnly(resolveActor), router);
}

export const QUEUE_BOARD_COOKIE = 'pot_queue_board';

/**
 * A browser opening the board sends no bearer header: `GET /admin/queues/sign-in?token=<access token>`
 * checks the token like the API does and, for an admin, keeps it in an HttpOnly, SameSite=Strict cookie
 * scoped to the board (living as long as the token), then redirects to the board.
 */
function signIn(resolveActor: QueueBoardActorResolver) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
      const token = typeof req.query.token === 'string' ? req.query.token : (bearer ?? '');
      const actor = token ? await resolveActor({ headers: { authorization: `Bearer ${token}` } } as Request) : undefined;
      if (actor?.role !== Role.Admin) return adminOnly(() => actor)(req, res, next);
      res.cookie(QUEUE_BOARD_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: QUEUE_BOARD_PATH });
      res.redirect(303, QUEUE_BOARD_PATH);
    } catch (err) {
      next(err);
    }
  };
}

export function adminOnly(resolveActor: QueueBoardActorResolver) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const actor = await resolveActor(req);
      if (actor?.role === Role.Admin) return next();
      const status = actor ? 403 : 401;
      const body: ErrorBody = {
        status, error: actor ? 'forbidden' : 'unauthorized', problems: [], requestId: String((req as { id?: unknown }).id ?? randomUUID()),
        message: actor ? 'The queue monitor is for admins only' : 'Sign in as an admin to see the queue monitor',
      };
      res.status(status).json(body);
    } catch (err) {
      next(err);
    }
  };
}
