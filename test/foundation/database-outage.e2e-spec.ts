import type { Response } from 'supertest';
import { createDatabaseIfMissing, runMigrations } from '@app/database';
import { PrivatePostgres } from '../setup/private-postgres';
import { TestContext } from '../setup/test-context';
import { testConfig } from '../setup/test-database';
import { waitFor } from '../setup/wait-for';

const MAX_CONNECTIONS = 12;

/**
 * The API on a PostgreSQL of this test's own, restarted, crashed, shut down and filled up under load:
 * every request answers as usual or 503 with Retry-After, never a 500, and the API recovers by itself.
 * (database-recovery.e2e-spec.ts terminates backends on the shared server; this needs a server to stop.)
 */
describe('PostgreSQL restarts, crashes, shutdowns and a full server, under load', () => {
  let pg: PrivatePostgres;
  let ctx: TestContext;
  let day = 0;
  let token = '';

  beforeAll(async () => {
    pg = await PrivatePostgres.start({ max_connections: MAX_CONNECTIONS, superuser_reserved_connections: 0 });
    const config = testConfig({ ...pg.config, DB_NAME: 'outage' });
    await createDatabaseIfMissing(config);
    await runMigrations(config);
    ctx = await TestContext.create(undefined, { config: { ...pg.config, DB_NAME: 'outage', DB_POOL_SIZE: 4 } });
    await ctx.factories.practice({ code: 'A81001' });
    // The admin's token, taken while the database is up: ctx.api() would look the user up per request.
    token = (await ctx.user()).accessToken;
  }, 120_000);

  afterAll(async () => {
    await pg.begin().catch(() => undefined);
    await ctx?.close();
    await pg?.destroy();
  });

  /** One request of a mix: a read, a list, a status write (a transaction with its outbox row). */
  function request(i: number): Promise<Response> {
    const api = ctx.api('anonymous');
    const auth = `Bearer ${token}`;
    if (i % 3 === 0) return api.get('/practices/A81001').set('Authorization', auth);
    if (i % 3 === 1) return api.get('/practices?pageSize=5').set('Authorization', auth);
    const date = new Date(Date.UTC(2010, 0, 1 + day++)).toISOString().slice(0, 10);
    return api
      .post('/practices/A81001/status')
      .set('Authorization', auth)
      .send({ service: 'records', level: day % 2 ? 'enabled' : 'capable', effectiveDate: date });
  }

  /** Three clients sending requests one after another while `fault` runs; every response. */
  async function underLoad(fault: () => Promise<void>): Promise<Response[]> {
    const responses: Response[] = [];
    let running = true;
    const client = async (n: number) => {
      for (let i = n; running; i += 3) responses.push(await request(i));
    };
    const clients = [client(0), client(1), client(2)];
    try {
      await fault();
    } finally {
      running = false;
      await Promise.all(clients);
    }
    return responses;
  }

  function expectNoServerErrorButUnavailable(responses: Response[]): void {
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => ![200, 201, 503].includes(s))).toEqual([]);
    for (const r of responses.filter((res) => res.status === 503)) {
      expect(r.headers['retry-after']).toBe('5');
      expect(r.body).toMatchObject({ status: 503, error: 'service_unavailable' });
    }
  }

  async function expectRecovered(): Promise<void> {
    let status = 0;
    await waitFor(async () => {
      status = (await request(0)).status;
      return status === 200;
    }, `the API to answer 200 again (last ${status})`);
    expect((await request(2)).status).toBe(201);
  }

  /** Ends the API's connections (the pool then opens new ones, against whatever the server is doing). */
  async function terminateApiBackends(admin: { query: (sql: string) => Promise<unknown> }): Promise<void> {
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'outage' AND pid <> pg_backend_pid()`,
    );
  }

  it('fast restarts: 503 or success', async () => {
    const responses = await underLoad(async () => {
      for (let i = 0; i < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await pg.restart('fast');
      }
    });
    expectNoServerErrorButUnavailable(responses);
    await expectRecovered();
  });

  it('a crash (immediate stop, recovery at start): 503 or success', async () => {
    const responses = await underLoad(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await pg.stop('immediate');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await pg.begin();
    });
    expectNoServerErrorButUnavailable(responses);
    await expectRecovered();
  });

  it('a shutdown left in progress ("shutting down"), then stopped: every request 503', async () => {
    const held = await pg.client('outage'); // a smart shutdown waits for this session
    held.on('error', () => undefined);
    await pg.stop('smart', false);
    await terminateApiBackends(held);
    const during = await underLoad(() => new Promise((resolve) => setTimeout(resolve, 500)));
    expect(during.length).toBeGreaterThan(0);
    expect(during.map((r) => r.status).filter((s) => s !== 503)).toEqual([]);
    expectNoServerErrorButUnavailable(during);
    // The queue monitor is outside Nest's filter: it says the same, not "sign in" (401).
    const board = await ctx.api('anonymous').get('/admin/queues').set('Authorization', `Bearer ${token}`);
    expectNoServerErrorButUnavailable([board]);
    expect(board.status).toBe(503);

    await held.end(); // the last session gone, the server stops: connections are refused
    await waitFor(async () => (await request(0)).status === 503 && !(await pg.isRunning()), 'the server to stop');
    const stopped = await underLoad(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(stopped.map((r) => r.status).filter((s) => s !== 503)).toEqual([]);
    expectNoServerErrorButUnavailable(stopped);

    await pg.begin();
    await expectRecovered();
  });

  it('a full server (max_connections reached): 503 until a connection is free', async () => {
    const admin = await pg.client('outage');
    const fillers = [];
    try {
      await terminateApiBackends(admin);
      // Every slot taken (by clients of ours, whatever the API's listener got back meanwhile).
      for (let refused = false; !refused;) {
        try {
          fillers.push(await pg.client());
        } catch (err) {
          if ((err as { code?: string }).code !== '53300' || fillers.length > MAX_CONNECTIONS) throw err;
          refused = true;
        }
      }
      const full = await underLoad(() => new Promise((resolve) => setTimeout(resolve, 300)));
      expect(full.map((r) => r.status).filter((s) => s !== 503)).toEqual([]);
      expectNoServerErrorButUnavailable(full);
    } finally {
      await Promise.all(fillers.map((c) => c.end()));
      await admin.end();
    }
    await expectRecovered();
  });
});
