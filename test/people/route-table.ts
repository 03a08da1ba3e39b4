import { INestApplication } from '@nestjs/common';

/** A route as Express serves it: `GET /api/v1/practices/:code`, or `USE /docs` for a mounted middleware. */
export interface ServedRoute {
  key: string;
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  rawPath?: unknown;
}

/**
 * Every route the running app really serves, read from Express's router: Nest controllers, Swagger's
 * pages, and middleware mounted on a path of its own (e.g. a queue dashboard), which no Nest guard sees.
 * A controller route answers one method; Nest mounts middleware (`forRoutes`) as a route answering every
 * method, reported here as `USE <path>`.
 */
export function servedRoutes(app: INestApplication): ServedRoute[] {
  const stack: Layer[] = app.getHttpAdapter().getInstance().router.stack;
  const routes: ServedRoute[] = [];
  for (const layer of stack) {
    if (layer.route && Object.keys(layer.route.methods).length > 8) {
      routes.push({ key: `USE ${layer.route.path}`, method: 'USE', path: layer.route.path });
    } else if (layer.route) {
      for (const method of Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m])) {
        const verb = method === '_all' ? 'ALL' : method.toUpperCase();
        routes.push({ key: `${verb} ${layer.route.path}`, method: verb, path: layer.route.path });
      }
    } else if (typeof layer.rawPath === 'string' && layer.rawPath !== '/' && !layer.rawPath.startsWith('/{')) {
      routes.push({ key: `USE ${layer.rawPath}`, method: 'USE', path: layer.rawPath });
    }
  }
  return [...new Map(routes.map((r) => [r.key, r])).values()];
}
