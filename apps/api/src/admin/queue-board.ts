import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Actor, Role } from '@app/domain';
import { databaseUnavailableBody, ErrorBody, isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '@app/http';
import { BullJobQueues, createQueueBoardPlugin } from '@app/jobs';

export const QUEUE_BOARD_PATH = '/admin/queues';
/** The board's sign-in route, whose query string carries an access token (never logged). */
export const QUEUE_BOARD_SIGN_IN = `${QUEUE_BOARD_PATH}/sign-in`;

/**
 * Who is asking for the queue board, from the request's headers. Bull Board is a Fastify plugin outside
 * Nest's guards, so the authentication feature binds this token to a function reading the credentials
 * (the same token or cookie its guard accepts). Bound to "nobody" until then: the board answers 401.
 */
export const QUEUE_BOARD_ACTOR = Symbol('QUEUE_BOARD_ACTOR');
export type QueueBoardActorResolver = (headers: IncomingHttpHeaders) => Actor | undefined | Promise<Actor | undefined>;
export const noQueueBoardActor: QueueBoardActorResolver = () => undefined;

export const QUEUE_BOARD_COOKIE = 'pot_queue_board';

/**
 * Mounts Bull Board at /admin/queues for admins only (DESIGN.md "People": admin has everything). Every
 * route of the scope, the board's own included, passes the admin check first.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const resolveActor = app.get<QueueBoardActorResolver>(QUEUE_BOARD_ACTOR, { strict: false });
  const board = createQueueBoardPlugin(app.get(BullJobQueues, { strict: false }), QUEUE_BOARD_PATH);
  await app.register(
    async (scope: FastifyInstance) => {
      scope.get('/sign-in', (req, reply) => signIn(resolveActor, req, reply));
      // A child scope (same prefix) for the board, so its hook guards the board's routes and not sign-in.
      await scope.register(async (guarded: FastifyInstance) => {
        guarded.addHook('onRequest', async (req, reply) => {
          // An answered request must return the reply, so Fastify goes no further.
          const actor = await actorOrUnavailable(resolveActor, req.headers, req, reply);
          if (actor === ANSWERED || (await adminOnly(actor, req, reply))) return reply;
        });
        await guarded.register(board);
      });
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}

/**
 * A browser opening the board sends no bearer header: `GET /admin/queues/sign-in?token=<access token>`
 * checks the token like the API does and, for an admin, keeps it in an HttpOnly, SameSite=Strict cookie
 * scoped to the board (for the browser session), then redirects to the board.
 */
async function signIn(resolveActor: QueueBoardActorResolver, req: FastifyRequest, reply: FastifyReply) {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  const query = req.query as Record<string, unknown>;
  const token = typeof query.token === 'string' ? query.token : (bearer ?? '');
  const actor = token
    ? await actorOrUnavailable(resolveActor, { authorization: `Bearer ${token}` }, req, reply)
    : undefined;
  if (actor === ANSWERED || (await adminOnly(actor, req, reply))) return reply;
  const secure = req.protocol === 'https' ? '; Secure' : '';
  reply.header(
    'Set-Cookie',
    `${QUEUE_BOARD_COOKIE}=${encodeURIComponent(token)}; Path=${QUEUE_BOARD_PATH}; HttpOnly; SameSite=Strict${secure}`,
  );
  return reply.redirect(QUEUE_BOARD_PATH, 303);
}

const ANSWERED = Symbol('answered');

/**
 * Who is asking, or ANSWERED after a 503 when the database could not say: the board is outside Nest's
 * exception filter, and an outage must not read as "sign in" (401) or a 500.
 */
async function actorOrUnavailable(
  resolveActor: QueueBoardActorResolver,
  headers: IncomingHttpHeaders,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<Actor | undefined | typeof ANSWERED> {
  try {
    return await resolveActor(headers);
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    req.log.warn({ err }, 'Queue board: the database is not reachable');
    await reply
      .status(503)
      .header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS))
      .send({ ...databaseUnavailableBody(), requestId: String(req.id) });
    return ANSWERED;
  }
}

/** Answers 401/403 in the API's error shape unless `actor` is an admin; true when it answered. */
async function adminOnly(actor: Actor | undefined, req: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  if (actor?.role === Role.Admin) return false;
  const status = actor ? 403 : 401;
  const body: ErrorBody = {
    status,
    error: actor ? 'forbidden' : 'unauthorized',
    problems: [],
    requestId: String(req.id),
    message: actor ? 'The queue monitor is for admins only' : 'Sign in as an admin to see the queue monitor',
  };
  await reply.status(status).send(body);
  return true;
}
