import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger, Level } from 'pino';
import { storage, type Store } from 'nestjs-pino/storage';
import { loggableUrl } from '@app/http';

export interface RequestLoggingOptions {
  /** Routes (as registered) whose query string is never logged at all, e.g. one that carries a token. */
  routesWithoutQuery?: string[];
}

/** The request as its log lines show it; no token in a query string ever reaches the logs (loggableUrl). */
function requestFields(req: FastifyRequest, withoutQuery: ReadonlySet<string>) {
  const route = req.routeOptions.url;
  const url = route !== undefined && withoutQuery.has(route) ? req.url.split('?')[0] : loggableUrl(req.url);
  return { id: req.id, method: req.method, url };
}

/**
 * What nestjs-pino's Logger finds while a request runs: a logger whose lines carry the request. The
 * child logger is made on the first line only, as most requests log nothing but their request line.
 */
class RequestLogContext implements Store {
  private child?: Logger;

  constructor(
    private readonly root: Logger,
    private readonly req: FastifyRequest,
    private readonly withoutQuery: ReadonlySet<string>,
  ) {}

  get logger(): Logger {
    return (this.child ??= this.root.child({ req: requestFields(this.req, this.withoutQuery) }));
  }

  // PinoLogger.assign() replaces the request's logger with a child carrying more fields.
  set logger(logger: Logger) {
    this.child = logger;
  }
}

/** 5xx are errors, 4xx warnings, the rest information (at LOG_LEVEL=warn a healthy API logs no request lines). */
function levelFor(statusCode: number): Level {
  return statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
}

/**
 * Structured request logs from Fastify hooks: each line written during a request carries its id
 * (through nestjs-pino's request store, which its Logger reads), and each request ends with one line:
 * method, url, id, status and time. Done here rather than by pino-http as Nest middleware, which on
 * Fastify runs through an Express-style middleware layer: about a tenth of the API's CPU in a status
 * write (docs/decisions.md, "Where a write's CPU goes").
 */
export function addRequestLogging(fastify: FastifyInstance, root: Logger, opts: RequestLoggingOptions = {}): void {
  const withoutQuery = new Set(opts.routesWithoutQuery);
  fastify.addHook('onRequest', (req, _reply, done) => {
    // The rest of the request, body parsing and handler included, runs inside this store.
    storage.run(new RequestLogContext(root, req, withoutQuery), done);
  });
  fastify.addHook('onResponse', (req, reply, done) => {
    const level = levelFor(reply.statusCode);
    if (root.isLevelEnabled(level)) {
      root[level](
        {
          req: requestFields(req, withoutQuery),
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
    done();
  });
}
