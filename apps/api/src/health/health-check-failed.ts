import { ServiceUnavailableException } from '@nestjs/common';
import type { HealthCheckResult } from '@nestjs/terminus';
import { DomainError, FieldProblem } from '@app/domain';

/** /health's 503 in the API's error shape: each check that is down is a problem, with its reason. */
export class HealthCheckFailedError extends DomainError {
  readonly status = 503;
  readonly code = 'service_unavailable';
}

/**
 * Terminus's 503 (its result as the response) as a HealthCheckFailedError; anything else unchanged. The
 * error filter renders an HttpException by its message alone, which here said nothing of what is down.
 */
export function toHealthCheckFailure(err: unknown): unknown {
  if (!(err instanceof ServiceUnavailableException)) return err;
  const result = err.getResponse() as HealthCheckResult;
  if (result.status === 'shutting_down') return new HealthCheckFailedError('The API is shutting down');
  const problems: FieldProblem[] = Object.entries(result.error ?? {}).map(([check, details]) => ({
    field: check,
    message: typeof details?.message === 'string' && details.message ? details.message : 'down',
  }));
  return new HealthCheckFailedError(`Unavailable: ${problems.map((p) => p.field).join(', ')}`, problems);
}
