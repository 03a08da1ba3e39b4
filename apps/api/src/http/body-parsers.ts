import type { Server } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FieldProblem } from '@app/domain';
import { RequestValidationError } from '@app/http';

/** Keys Fastify's JSON parser refuses outright (prototype poisoning): `__proto__`, and `constructor.prototype`. */
const POISON_KEYS = new Set(['__proto__', 'constructor']);

/**
 * The body parsers of the API, in place of the ones Nest registers at `init` (the same two types):
 * JSON through Fastify's own parser, except that an empty body is no body (Fastify refuses it with a
 * 400) and its refusal of prototype-poisoning keys becomes the 400 of any unknown field, naming it; and
 * `application/x-www-form-urlencoded` (docs/decisions.md, "API").
 */
export function useBodyParsers(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const { bodyLimit } = fastify.initialConfig;
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<Server>('application/json', { bodyLimit }, (req, body, done) => {
    // A POST that takes no body (sign-out, mark read…) sent by a client that sets the JSON type anyway:
    // the same as no body at all, which every route's own validation then judges.
    const text = body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    void parseJson(req, text, (err, value) => {
      if (err) done(poisonKeysError(text) ?? err, undefined);
      else done(null, value);
    });
  });
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit }, (_req, body, done) => {
    done(null, parseQueryString(body.toString('utf8')));
  });
}

/**
 * When valid JSON was refused, the keys that made Fastify refuse it, as a validation error. JSON.parse
 * makes `__proto__` an own property (it never sets a prototype), so the walk sees it like any other key.
 */
function poisonKeysError(body: string): RequestValidationError | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  const problems: FieldProblem[] = [];
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    for (const [key, child] of Object.entries(v)) {
      const field = path ? `${path}.${key}` : key;
      if (!Array.isArray(v) && POISON_KEYS.has(key))
        problems.push({ field, message: `property ${key} should not exist` });
      else stack.push({ v: child, path: field });
    }
  }
  if (!problems.length) return undefined;
  return new RequestValidationError(`Invalid request: check ${problems.map((p) => p.field).join(', ')}`, problems);
}
