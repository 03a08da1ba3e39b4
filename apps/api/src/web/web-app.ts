import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
  fastify.get('/*', async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0];
    if (NOT_THE_APP.test(path) || !(req.headers.accept ?? '').includes('text/html')) return reply.callNotFound();
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
  });
}
