import { PrivateRedis } from '../setup/private-redis';
import { TestContext } from '../setup/test-context';
import { waitFor } from '../setup/wait-for';

/** /health's 503 names what is down, here Redis (a redis-server of the test's own, stopped). */
describe('health when Redis is down', () => {
  let redis: PrivateRedis;
  let ctx: TestContext;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    ctx = await TestContext.create(undefined, { config: { REDIS_PORT: redis.port } });
  });
  afterAll(async () => {
    await redis.restart().catch(() => undefined); // closing Bull needs Redis up
    await ctx.close();
    await redis.destroy();
  });

  it('answers 503 naming each check that is down, with its reason, and 200 again once Redis is back', async () => {
    await ctx.api('anonymous').get('/health').expect(200);
    await redis.stop();

    const res = await ctx.api('anonymous').get('/health').expect(503);
    expect(res.body).toMatchObject({
      status: 503,
      error: 'service_unavailable',
      message: 'Unavailable: redis, queues',
      requestId: expect.any(String),
    });
    expect(res.body.problems).toEqual([
      { field: 'redis', message: 'not reachable' },
      { field: 'queues', message: expect.any(String) },
    ]);

    await redis.restart();
    // The clients reconnect on their own schedule: up again once they have.
    await waitFor(async () => (await ctx.api('anonymous').get('/health')).status === 200, '/health to be up again');
  });
});
