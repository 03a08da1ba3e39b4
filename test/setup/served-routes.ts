import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** A route as Fastify serves it: `GET /api/v1/practices/:code`. */
export interface ServedRoute {
  key: string;
  method: string;
  path: string;
}

/**
 * Collects every route the app will serve, as Fastify registers it: Nest controllers, Swagger's pages
 * and plugins with routes of their own (the queue board), which no Nest guard sees. Call before
 * `configureApp` and `init`, which register them; the list fills as they do.
 */
export function recordRoutes(app: NestFastifyApplication): ServedRoute[] {
  const routes: ServedRoute[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        const key = `${method} ${route.url}`;
        if (!routes.some((r) => r.key === key)) routes.push({ key, method, path: route.url });
      }
    });
  return routes;
}
