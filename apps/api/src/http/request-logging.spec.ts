import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import fastify from 'fastify';
import pino from 'pino';
import { PinoLogger } from 'nestjs-pino';
import { requestIdFor } from './request-id';
import { addRequestLogging } from './request-logging';

/** The fields of a JSON log line that these tests read. */
interface LogLine {
  level: number;
  msg?: string;
  req?: { id?: string; method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  [field: string]: unknown;
}

/** A server with the API's request logging whose log lines are kept in `lines`, and a Nest-style logger. */
function loggedServer(level: string) {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString()
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line)),
      );
      done();
    },
  });
  const root = pino({ level }, sink);
  // What Nest's Logger calls in the services: it reads the request's logger from nestjs-pino's store.
  const nestLogger = new PinoLogger({ pinoHttp: { level } });
  nestLogger.setContext('AuthService');
  const app = fastify({ genReqId: requestIdFor });
  addRequestLogging(app, root, { routesWithoutQuery: ['/admin/queues/sign-in'] });
  app.get('/ok', () => Promise.resolve({ ok: true }));
  // Reads the token as the queue board's sign-in does (Fastify's own query parser).
  app.get('/admin/queues/sign-in', (req) => ({ token: (req.query as Record<string, unknown>).token }));
  // Requests to /sign-in wait for the test to let them on: the line below then runs in a later turn, as a
  // service's line after a database call does, in an order the test chooses (not one timing decides).
  const held = new Map<string, () => void>();
  app.post('/sign-in', async (req) => {
    await new Promise<void>((release) => held.set(String(req.id), release));
    nestLogger.warn({ userId: null }, 'Sign-in refused');
    return { refused: true };
  });
  app.get('/missing', async (_req, reply) => reply.code(404).send({ message: 'no such practice' }));
  app.get('/broken', () => Promise.reject(new Error('boom')));
  return { app, lines, held };
}

describe('request logging', () => {
  let server: ReturnType<typeof loggedServer>;
  afterEach(() => server.app.close());

  it('ends each request with one line: id, method, url, status and time, at a level by status', async () => {
    server = loggedServer('info');
    await server.app.inject({ url: '/ok', headers: { 'x-request-id': 'req-ok' } });
    await server.app.inject({ url: '/missing', headers: { 'x-request-id': 'req-404' } });
    await server.app.inject({ url: '/broken', headers: { 'x-request-id': 'req-500' } });
    expect(
      server.lines.map(({ level, req, res, msg, responseTime }) => ({
        level,
        req,
        res,
        msg,
        timed: Number.isInteger(responseTime),
      })),
    ).toEqual([
      {
        level: 30,
        req: { id: 'req-ok', method: 'GET', url: '/ok' },
        res: { statusCode: 200 },
        msg: 'request completed',
        timed: true,
      },
      {
        level: 40,
        req: { id: 'req-404', method: 'GET', url: '/missing' },
        res: { statusCode: 404 },
        msg: 'request completed',
        timed: true,
      },
      {
        level: 50,
        req: { id: 'req-500', method: 'GET', url: '/broken' },
        res: { statusCode: 500 },
        msg: 'request completed',
        timed: true,
      },
    ]);
  });

  it('gives every line written during a request that request, also with requests running at once', async () => {
    server = loggedServer('info');
    const { app, held } = server;
    // Both requests are inside their handlers at once; the later one finishes first.
    const first = app.inject({ method: 'POST', url: '/sign-in', headers: { 'x-request-id': 'slow' }, payload: {} });
    const second = app.inject({ method: 'POST', url: '/sign-in', headers: { 'x-request-id': 'fast' }, payload: {} });
    while (held.size < 2) await sleep(1);
    held.get('fast')!();
    await second;
    held.get('slow')!();
    await first;
    const refusals = server.lines.filter((line) => line.msg === 'Sign-in refused');
    expect(refusals.map(({ req, context, userId }) => ({ req, context, userId }))).toEqual([
      { req: { id: 'fast', method: 'POST', url: '/sign-in' }, context: 'AuthService', userId: null },
      { req: { id: 'slow', method: 'POST', url: '/sign-in' }, context: 'AuthService', userId: null },
    ]);
  });

  it('keeps tokens in query strings out of the logs', async () => {
    server = loggedServer('info');
    await server.app.inject({ url: '/ok?token=eyJsecret.part&page=2' });
    expect(server.lines[0].req?.url).toBe('/ok?token=…&page=2');
    expect(JSON.stringify(server.lines)).not.toContain('eyJsecret');
  });

  it.each([
    ['a percent-encoded name', '/ok?%74oken=eyJsecret.1&page=2', '/ok?token=…&page=2'],
    ['an encoded name after another parameter', '/ok?page=2&t%6F%6Ben=eyJsecret.2', '/ok?page=2&token=…'],
    ['a repeated name', '/ok?token=eyJsecret.3&token=eyJsecret.4', '/ok?token=…&token=…'],
    ['a name in capitals', '/ok?Token=eyJsecret.5&TOKEN=eyJsecret.6', '/ok?Token=…&TOKEN=…'],
    ['a value with + and %20', '/ok?token=eyJ+secret%20.7', '/ok?token=…'],
    [
      'a name inside another',
      '/ok?access_token=eyJsecret.8&refreshToken=eyJsecret.9',
      '/ok?access_token=…&refreshToken=…',
    ],
  ])('keeps a token out of the logs however the query spells it: %s', async (_name, url, logged) => {
    server = loggedServer('info');
    await server.app.inject({ url });
    expect(server.lines[0].req?.url).toBe(logged);
    expect(JSON.stringify(server.lines)).not.toContain('secret');
  });

  it('logs the queue board sign-in without its query string, however it is spelled', async () => {
    server = loggedServer('info');
    const read: unknown[] = [];
    for (const query of [
      'token=eyJsecret.1',
      '%74oken=eyJsecret.2',
      'to%6Ben=eyJsecret.3&token=eyJsecret.4',
      'x=eyJsecret.5',
    ])
      read.push((await server.app.inject({ url: `/admin/queues/sign-in?${query}` })).json().token);
    // The route reads the token however it was spelled; only the log lines go without it.
    expect(read).toEqual(['eyJsecret.1', 'eyJsecret.2', ['eyJsecret.3', 'eyJsecret.4'], undefined]);
    expect(server.lines.map((line) => line.req?.url)).toEqual(Array(4).fill('/admin/queues/sign-in'));
    expect(JSON.stringify(server.lines)).not.toContain('secret');
  });

  it('logs a URL without secrets as it was sent', async () => {
    server = loggedServer('info');
    await server.app.inject({ url: '/ok?q=a+b%20c&page=2' });
    expect(server.lines[0].req?.url).toBe('/ok?q=a+b%20c&page=2');
  });

  it('writes no request line for a success below LOG_LEVEL, and still the problems', async () => {
    server = loggedServer('warn');
    await server.app.inject({ url: '/ok' });
    await server.app.inject({ url: '/missing' });
    expect(server.lines.map((line) => line.res?.statusCode)).toEqual([404]);
  });
});
