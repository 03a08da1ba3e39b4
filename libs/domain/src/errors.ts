/** A problem with one field of a request, as returned in every 4xx body. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Domain errors carry their HTTP status and a stable code; the global filter renders them. */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  constructor(
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
  }
}

/** No valid credentials: no token, a bad or expired one, or a user who may no longer sign in. */
export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly code = 'unauthorized';
}

/** Too many attempts (sign-in); `retryAfterSeconds` becomes the Retry-After header. */
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly code = 'too_many_requests';
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'not_found';
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly code = 'conflict';
}

/** Input that is well-formed but breaks a domain rule (e.g. an effective date before the practice opened). */
export class InvalidInputError extends DomainError {
  readonly status = 400;
  readonly code = 'bad_request';
  constructor(field: string, message: string) {
    super(message, [{ field, message }]);
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly code = 'forbidden';
}
