import { TestContext } from '../setup/test-context';
import { waitFor } from '../setup/wait-for';
import { adminClient } from '../setup/test-database';

/**
 * PostgreSQL dropping every connection (a restart, a failover) must not leave the API broken: the pool
 * replaces dead connections. Terminating the backends is what a restart does to the clients, without
 * stopping the server that other test files share.
 */
describe('database connection loss', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
    await ctx.factories.practice({ code: 'A81001' });
  });
  afterAll(() => ctx.close());

  it('recovers after every connection is terminated, answering 503 rather than 500 meanwhile', async () => {
    await ctx.api().get('/practices/A81001').expect(200);
    const admin = await adminClient(ctx.config);
    try {
      const { rows } = await admin.query(
        `SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
         WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [ctx.config.DB_NAME],
      );
      expect(Number(rows[0].n)).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    const during = await ctx.api().get('/practices/A81001');
    expect([200, 503]).toContain(during.status);
    await waitFor(
      async () => expect((await ctx.api().get('/practices/A81001')).status).toBe(200),
      'the API to answer again',
      2_000,
    );
    await ctx
      .api()
      .post('/practices/A81001/status')
      .send({ service: 'records', level: 'enabled', effectiveDate: '2014-09-30' })
      .expect(201);
  });
});
