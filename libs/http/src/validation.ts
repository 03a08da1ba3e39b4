import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem } from '@app/domain';

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

/** Deeper than any DTO of the API; class-transformer and the pipe recurse, so far deeper would overflow. */
const MAX_DEPTH = 32;
const MAX_TEXT_PROBLEMS = 20;
/**
 * Field names that no DTO's whitelist ever sees: Nest's pipe deletes `__proto__`, `prototype` and
 * `constructor`, and class-transformer skips any name the target object inherits a function under
 * (`toString`, `hasOwnProperty`…), so without this check they would vanish and the write go ahead.
 */
const RESERVED_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);
/** A high surrogate without its low half, or a low one without its high half. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What no DTO's rules see, as a 400 naming the field instead of a database error, a crash or a silent
 * drop: nesting deeper than MAX_DEPTH, NUL characters (text columns cannot hold them), lone UTF-16
 * surrogates (not Unicode text: jsonb and the e-mail validator refuse them) and RESERVED_NAMES (refused
 * like any unknown field, at any depth). Walks without recursion, so the walk itself cannot overflow.
 */
export function checkPlainText(value: unknown, where: 'body' | 'query'): void {
  const problems: FieldProblem[] = [];
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length && problems.length < MAX_TEXT_PROBLEMS) {
    const { v, path, depth } = stack.pop()!;
    const field = path || where;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) problems.push({ field, message: `${field} contains a NUL character` });
      else if (LONE_SURROGATE.test(v))
        problems.push({ field, message: `${field} is not valid Unicode text (a lone surrogate)` });
    } else if (v !== null && typeof v === 'object') {
      if (depth >= MAX_DEPTH) {
        // Named by the top-level field it sits in (the body itself when that is an array).
        const top = Array.isArray(value) ? where : path.split('.')[0];
        throw new RequestValidationError(`The request ${where} nests deeper than ${MAX_DEPTH} levels`, [
          { field: top, message: `nested deeper than ${MAX_DEPTH} levels` },
        ]);
      }
      for (const [key, child] of Object.entries(v)) {
        const childPath = path ? `${path}.${key}` : key;
        if (!Array.isArray(v) && RESERVED_NAMES.has(key))
          problems.push({ field: childPath, message: `property ${key} should not exist` });
        else stack.push({ v: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  if (problems.length)
    throw new RequestValidationError(`Invalid request: check ${problems.map((p) => p.field).join(', ')}`, problems);
}

/**
 * Path parameters are left to their own pipes (IdPipe, PracticeCodePipe…), which read the raw text: the
 * primitive conversion here would make `0x10` or `1e1` a number before they see it. Bodies and query
 * strings get checkPlainText first.
 */
class ApiValidationPipe extends ValidationPipe {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param') return value;
    if (metadata.type === 'body' || metadata.type === 'query') checkPlainText(value, metadata.type);
    return super.transform(value, metadata);
  }
}

/**
 * The one validation pipe of every app and test app: unknown fields are rejected, payloads are turned
 * into DTO instances. Implicit conversion stays off ('false' would become true); DTOs transform explicitly.
 */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
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
