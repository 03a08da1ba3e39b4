import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ConstraintStrategy, HTTPVersion } from 'find-my-way';
import { AppConfig } from '@app/config';

/**
 * The web app's Content-Security-Policy: its own scripts, styles, images and API calls, nothing inline
 * and nothing from another origin. React sets `style` properties through the CSSOM, which `style-src`
 * does not govern, so components may still size and colour elements. No `upgrade-insecure-requests`
 * (helmet's default has it): it would send the app's own requests on http://localhost to https.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths that belong to the API, its documentation and the queue board: never answered with the app. */
const NOT_THE_APP = /^\/(api|docs|health|admin\/queues)(\/|-|$)/;

/**
 * A find-my-way constraint: true for a request that asks for HTML outside the API's paths (a browser
 * opening a page of the app). Only the app's catch-all route asks for it, so only such requests match it.
 */
const WEB_PAGE: ConstraintStrategy<HTTPVersion.V1, boolean> = {
  name: 'webPage',
  mustMatchWhenDerived: false,
  storage() {
    const handlers = new Map<boolean, unknown>();
    return {
      get: (value) => (handlers.get(value) ?? null) as never,
      set: (value, store) => void handlers.set(value, store),
    };
  },
  deriveConstraint(req) {
    const path = (req.url ?? '/').split('?')[0];
    return (req.headers.accept ?? '').includes('text/html') && !NOT_THE_APP.test(path);
  },
};

/**
 * Serves the built web app (apps/web/dist): its hashed files under /assets for a year, and `index.html`
 * for any other GET that asks for HTML (the app's own routes, e.g. /sign-in), so links and reloads work.
 * Anything else (an unknown API path, a script asking for JSON) gets the API's usual 404.
 */
export async function serveWebApp(app: NestFastifyApplication): Promise<void> {
  const dist = resolve(app.get(AppConfig).WEB_DIST_DIR);
  const fastify = app.getHttpAdapter().getInstance();
  await app.register(fastifyStatic, {
    root: join(dist, 'assets'),
    prefix: '/assets/',
    // Swagger UI has reply.sendFile already; this plugin needs no decoration of its own.
    decorateReply: false,
    immutable: true,
    maxAge: '365d',
    index: false,
  });
  // Only a request for a page of the app reaches this route (the constraint below); any other finds no route,
  // exactly as if it did not exist: the API's 404, or its 414 for a path segment too long to route.
  fastify.addConstraintStrategy(WEB_PAGE);
  fastify.route({
    method: 'GET',
    url: '/*',
    constraints: { [WEB_PAGE.name]: true },
    handler: async (_req: FastifyRequest, reply: FastifyReply) => {
      // Read for each page load (under a kilobyte): a rebuild while the API runs names new asset files.
      const indexHtml = await readFile(join(dist, 'index.html')).catch(() => undefined);
      if (!indexHtml)
        return reply
          .code(404)
          .type('text/plain; charset=utf-8')
          .send(`The web app is not built (no ${join(dist, 'index.html')}): run npm run web:build.`);
      return reply
        .header('Content-Security-Policy', WEB_APP_CSP)
        .header('Cache-Control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(indexHtml);
    },
  });
}
