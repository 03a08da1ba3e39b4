import type { IncomingHttpHeaders } from 'node:http';
import { Actor } from '@app/domain';
import { isDatabaseUnavailable } from '@app/http';
import { AuthService } from '@app/people';
import { QUEUE_BOARD_COOKIE, QueueBoardActorResolver } from '../admin/queue-board';

/**
 * Who is opening the queue monitor. Bull Board is a Fastify plugin outside the access guard, and a
 * browser opening a page sends no bearer header: the token comes from the Authorization header (API
 * clients) or from a cookie that `GET /admin/queues/sign-in?token=…` sets (see queue-board.ts). Either way
 * it is checked exactly as the guard checks it (signature, expiry, active user, token version).
 */
export function authenticatedQueueBoardActor(auth: AuthService): QueueBoardActorResolver {
  return async (headers: IncomingHttpHeaders): Promise<Actor | undefined> => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1] ?? cookie(headers, QUEUE_BOARD_COOKIE);
    if (!token) return undefined;
    // A token that does not check out is nobody (401); a database that cannot be asked is an outage (503).
    return auth.authenticate(token).catch((err: unknown) => {
      if (isDatabaseUnavailable(err)) throw err;
      return undefined;
    });
  };
}

function cookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const part of (headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decoded(rest.join('='));
  }
  return undefined;
}

/** A cookie the browser was never given (bad percent-encoding) is no token: 401, not a 500. */
function decoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
