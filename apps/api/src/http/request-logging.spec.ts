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
  addRequestLogging(app, root);
  app.get('/ok', () => Promise.resolve({ ok: true }));
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

  it('writes no request line for a success below LOG_LEVEL, and still the problems', async () => {
    server = loggedServer('warn');
    await server.app.inject({ url: '/ok' });
    await server.app.inject({ url: '/missing' });
    expect(server.lines.map((line) => line.res?.statusCode)).toEqual([404]);
  });
});
