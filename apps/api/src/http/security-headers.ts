import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * helmet's default headers (content security policy, HSTS, nosniff, frame and referrer policies...),
 * worked out once at start-up. Its default policy is fixed text (no nonces, nothing taken from the
 * request), so every response gets the same headers; Swagger UI at /docs loads its own scripts and
 * styles, which that policy allows. @fastify/helmet would run helmet's whole middleware, directive
 * parsing included, on every request: about a tenth of the API's CPU in a status write
 * (docs/decisions.md).
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    // helmet removes X-Powered-By, which Fastify never sets.
    removeHeader: () => undefined,
  };
  let failure: unknown;
  helmet()({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => (failure = err));
  if (failure) throw failure as Error; // what helmet passes to next()
  return headers;
}

/** Every response of `fastify` carries the security headers and its request id (http/request-id.ts). */
export function addResponseHeaders(fastify: FastifyInstance): void {
  const headers = securityHeaders();
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.headers(headers);
    reply.header('X-Request-Id', req.id);
    done();
  });
}
