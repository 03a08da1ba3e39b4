import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The id of a request, carried by every log line of it, by its error body and by the X-Request-Id
 * response header: the caller's X-Request-Id when sane (a proxy's or a client's, to follow one request
 * across systems), otherwise a new UUID. Fastify calls this once per request (http/request-logging.ts logs it).
 */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}
