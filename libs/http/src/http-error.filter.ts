import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';
import { DomainError, FieldProblem, TooManyRequestsError } from '@app/domain';
import { loggableUrl } from './loggable-url';

/** The one JSON shape of every error response. */
export interface ErrorBody {
  status: number;
  error: string;
  message: string;
  problems: FieldProblem[];
  requestId?: string;
}

/**
 * Retry-After of a 503: a PostgreSQL restart or failover takes seconds; a client retrying sooner only adds
 * to the connections the server refuses while it comes back.
 */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** The body of a 503 for an unavailable database (also used outside Nest: the queue board). */
export function databaseUnavailableBody(): ErrorBody {
  return {
    status: 503,
    error: 'service_unavailable',
    message: 'The database is not reachable; try again shortly',
    problems: [],
  };
}

/**
 * Turns every error into ErrorBody. Client mistakes keep their message; anything unexpected becomes a
 * generic 500 whose details go to the log under the request id, never into the response.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest | undefined>();
    const res = ctx.getResponse<FastifyReply>();
    const body = this.toBody(exception);
    // Fastify gives every request its id (apps/api/src/http/request-id.ts) before anything can fail.
    body.requestId = req?.id ? String(req.id) : randomUUID();
    if (body.status >= 500) {
      this.logger.error(
        { err: exception, requestId: body.requestId },
        `Unhandled error on ${req?.method} ${req ? loggableUrl(req.url) : undefined}`,
      );
    }
    if (res.sent || res.raw.headersSent) return;
    if (exception instanceof TooManyRequestsError && exception.retryAfterSeconds)
      res.header('Retry-After', String(exception.retryAfterSeconds));
    if (body.status === 503 && !res.hasHeader('retry-after'))
      res.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    // @nestjs/throttler names its header after the throttler (Retry-After-sign-in); clients read Retry-After.
    const named = body.status === 429 ? res.getHeader('retry-after-sign-in') : undefined;
    if (named !== undefined && !res.hasHeader('retry-after')) res.header('Retry-After', String(named));
    // The type again: a CSV route may have set text/csv before it failed.
    void res.status(body.status).type('application/json; charset=utf-8').send(body);
  }

  private toBody(e: unknown): ErrorBody {
    if (e instanceof DomainError) {
      return { status: e.status, error: e.code, message: e.message, problems: e.problems };
    }
    if (e instanceof HttpException) {
      const status = e.getStatus();
      if (status === 400 && /JSON/.test(e.message)) {
        return { status, error: 'bad_request', message: 'The request body is not valid JSON', problems: [] };
      }
      const response = e.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : String((response as { message?: string | string[] }).message ?? e.message);
      return { status, error: errorName(status), message, problems: [] };
    }
    // Whatever the pool or the server said (57P01, "starting up", a dropped connection, ECONNREFUSED…).
    if (isDatabaseUnavailable(e)) return databaseUnavailableBody();
    if (e instanceof QueryFailedError) {
      const mapped = fromDatabaseError(
        (e as QueryFailedError & { driverError?: { code?: string; detail?: string } }).driverError,
      );
      if (mapped) return mapped;
    }
    return {
      status: 500,
      error: 'internal_error',
      message: 'Something went wrong; quote the request id to support',
      problems: [],
    };
  }
}

function fromDatabaseError(err?: { code?: string; detail?: string }): ErrorBody | undefined {
  const code = err?.code ?? '';
  if (code === '23505') return { status: 409, error: 'conflict', message: 'That record already exists', problems: [] };
  if (code === '23503')
    return {
      status: 409,
      error: 'conflict',
      message: 'A referenced record does not exist or is still in use',
      problems: [],
    };
  if (code === '23514' || code === '23502' || code.startsWith('22')) {
    return { status: 400, error: 'bad_request', message: 'A value is out of range or malformed', problems: [] };
  }
  if (code === '40001' || code === '40P01') {
    return { status: 409, error: 'conflict', message: 'A concurrent change got in the way; retry', problems: [] };
  }
  return undefined;
}

/** The `error` label of a status: `bad_request`, `uri_too_long`, … */
export function errorName(status: number): string {
  const name = HttpStatus[status] ?? STATUS_CODES[status];
  return name ? name.toLowerCase().replace(/[^a-z0-9]+/g, '_') : 'error';
}
