import { DatabaseError } from 'pg';
import {
  ConnectionIsNotSetError,
  QueryFailedError,
  QueryRunnerProviderAlreadyReleasedError,
  TypeORMError,
} from 'typeorm';
import captured from './database-errors.captured.json';
import { isDatabaseUnavailable } from './database-unavailable';

type Shape = { class: string; message: string; driverError?: Shape; cause?: Shape; errors?: Shape[] } & Record<
  string,
  unknown
>;

/** The error again, of its class and with its fields, from what the capture script wrote down. */
function rebuild(shape: Shape): Error {
  const { class: cls, message, driverError, cause, errors, ...fields } = shape;
  let err: Error;
  switch (cls) {
    case 'DatabaseError':
      err = new DatabaseError(message, Number(fields.length ?? 0), 'error');
      break;
    case 'QueryFailedError':
      err = new QueryFailedError('SELECT 1', [], driverError ? rebuild(driverError) : new Error(message));
      break;
    case 'QueryRunnerProviderAlreadyReleasedError':
      err = new QueryRunnerProviderAlreadyReleasedError();
      break;
    case 'TypeORMError':
      err = new TypeORMError(message);
      break;
    case 'TypeError':
      err = new TypeError(message);
      break;
    case 'AggregateError':
      err = new AggregateError((errors ?? []).map(rebuild), message);
      break;
    case 'Error':
      err = new Error(message, cause ? { cause: rebuild(cause) } : undefined);
      break;
    default:
      throw new Error(`No way to rebuild a ${cls}: add one`);
  }
  expect(err.message).toBe(message);
  return Object.assign(err, fields);
}

const cases = captured as { case: string; error: Shape }[];

describe('isDatabaseUnavailable, on errors captured from a real PostgreSQL', () => {
  it('has captured cases of both kinds', () => {
    expect(cases.filter((c) => c.case.startsWith('negative:')).length).toBeGreaterThanOrEqual(3);
    expect(cases.filter((c) => !c.case.startsWith('negative:')).length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases.filter((c) => !c.case.startsWith('negative:')).map((c) => [c.case, c.error] as const))(
    'unavailable: %s',
    (_, shape) => {
      expect(isDatabaseUnavailable(rebuild(shape))).toBe(true);
    },
  );

  it.each(cases.filter((c) => c.case.startsWith('negative:')).map((c) => [c.case, c.error] as const))(
    'not unavailable: %s',
    (_, shape) => {
      expect(isDatabaseUnavailable(rebuild(shape))).toBe(false);
    },
  );
});

describe('isDatabaseUnavailable, other shapes', () => {
  it('looks inside causes and aggregate errors (localhost tried on IPv6 and IPv4)', () => {
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(new AggregateError([refused('::1:5432'), refused('127.0.0.1:5432')]))).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: refused('127.0.0.1:5432') }))).toBe(true);
  });

  it('knows the pool of a destroyed data source', () => {
    expect(isDatabaseUnavailable(new ConnectionIsNotSetError('postgres'))).toBe(true);
  });

  it('leaves alone what is not an error, and errors that merely mention connections', () => {
    for (const value of [undefined, null, 'Connection terminated', { code: '57P01' }, 42]) {
      expect(isDatabaseUnavailable(value)).toBe(false);
    }
    expect(isDatabaseUnavailable(new Error('Connection to the SMTP server terminated'))).toBe(false);
    expect(
      isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], Object.assign(new Error('x'), { code: '40001' }))),
    ).toBe(false);
  });

  it('does not loop on an error that is its own cause', () => {
    const err = new Error('odd');
    (err as { cause?: unknown }).cause = err;
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});
