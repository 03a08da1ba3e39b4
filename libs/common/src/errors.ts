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
