import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem } from './errors';

export class RequestValidationError extends DomainError {
  readonly status = 400;
  readonly code = 'validation_failed';
}

/** Flattens class-validator's tree into `field: message` pairs with dotted paths (`items.0.code`). */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...toFieldProblems(e.children ?? [], field)];
  });
}

/**
 * The one validation pipe of every app and test app: unknown fields are rejected, payloads are turned
 * into DTO instances. Implicit conversion stays off ('false' would become true); DTOs transform explicitly.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const problems = toFieldProblems(errors);
      const fields = [...new Set(problems.map((p) => p.field))].join(', ');
      return new RequestValidationError(`Invalid request: check ${fields}`, problems);
    },
  });
}
