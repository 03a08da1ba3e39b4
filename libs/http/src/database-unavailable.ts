import { ConnectionIsNotSetError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/**
 * SQLSTATEs of a server that is going away, not up yet, or full: class 08 (connection exception),
 * 57P01 admin_shutdown (a fast shutdown or pg_terminate_backend), 57P02 crash_shutdown, 57P03
 * cannot_connect_now ("starting up", "shutting down", "not yet accepting connections"), 53300
 * too_many_connections.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** Node's socket errors: the server (or the network to it) refused, reset or never answered. */
const NETWORK_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * What pg and pg-pool say, without a code, when a connection dropped (mid-query or while opening),
 * could not be opened in time, or is used again after it dropped.
 */
const DROPPED_CONNECTION =
  /^(Connection terminated\b|timeout exceeded when trying to connect$|Client has encountered a connection error and is not queryable$|Client was closed and is not queryable$)/;

/**
 * True when `err` says the database could not be reached or dropped the connection: a restart, a
 * shutdown, a crash, a failover, a full server or pool, an app whose pool is already closed. Such a
 * failure is the database's, not the request's or the code's: the API answers 503 with Retry-After and
 * jobs retry. Looks through TypeORM's QueryFailedError (`driverError`), `cause` and AggregateError.
 *
 * The shapes are the ones the apps really see, captured from a private PostgreSQL by
 * scripts/faults/capture-database-errors.ts (database-unavailable.spec.ts replays them).
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  return someError(err, (e) => {
    // TypeORM releases a transaction's connection when the connection errors between two statements, so
    // the next statement says this. A bug that uses a finished transaction does too: it is logged all the same.
    if (e instanceof QueryRunnerProviderAlreadyReleasedError) return true;
    if (e instanceof ConnectionIsNotSetError || e.message === 'Driver not Connected') return true;
    const code = typeof e.code === 'string' ? e.code : '';
    return (
      code.startsWith('08') ||
      UNAVAILABLE_SQLSTATES.has(code) ||
      NETWORK_ERRORS.has(code) ||
      DROPPED_CONNECTION.test(e.message)
    );
  });
}

type ErrorLike = Error & { code?: unknown; driverError?: unknown; errors?: unknown };

/**
 * `test` on the error and the errors it wraps (a few levels: these chains are short). Duck-typed: Node's
 * socket errors come from another realm than the code's own Error under Jest, where `instanceof` fails.
 */
function someError(err: unknown, test: (e: ErrorLike) => boolean, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || typeof (err as Error).message !== 'string' || depth > 4) return false;
  const e = err as ErrorLike;
  if (test(e)) return true;
  const wrapped = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? (e.errors as unknown[]) : [])];
  return wrapped.some((inner) => inner !== undefined && someError(inner, test, depth + 1));
}
