import { Role } from '@app/domain';
import { QUEUE_BOARD_COOKIE } from '../../apps/api/src/admin/queue-board';
import { TestContext } from '../setup/test-context';

/** The queue board's own sign-in (a browser sends no bearer header), with the real token check. */
describe('queue board sign-in', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  it('keeps an admin token in an HttpOnly cookie scoped to the board, which then opens it', async () => {
    const { accessToken } = await ctx.user(Role.Admin);
    const res = await ctx.api('anonymous').get(`/admin/queues/sign-in?token=${accessToken}`).expect(303);
    expect(res.headers.location).toBe('/admin/queues');
    const [cookie] = res.headers['set-cookie'] as unknown as string[];
    expect(cookie).toBe(`${QUEUE_BOARD_COOKIE}=${accessToken}; Path=/admin/queues; HttpOnly; SameSite=Strict`);

    const page = await ctx.api('anonymous').get('/admin/queues').set('Cookie', cookie.split(';')[0]).expect(200);
    expect(page.text).toContain('Patient Online jobs');
    await ctx.api('anonymous').get('/admin/queues/api/queues').set('Cookie', cookie.split(';')[0]).expect(200);
  });

  it('refuses other roles and bad tokens without setting a cookie', async () => {
    const { accessToken } = await ctx.user(Role.Manager);
    const manager = await ctx.api('anonymous').get(`/admin/queues/sign-in?token=${accessToken}`).expect(403);
    expect(manager.body).toMatchObject({ status: 403, error: 'forbidden', requestId: expect.any(String) });
    expect(manager.headers['set-cookie']).toBeUndefined();
    const forged = await ctx.api('anonymous').get('/admin/queues/sign-in?token=not-a-token').expect(401);
    expect(forged.headers['set-cookie']).toBeUndefined();
    await ctx.api('anonymous').get('/admin/queues').set('Cookie', `${QUEUE_BOARD_COOKIE}=not-a-token`).expect(401);
    // A cookie no sign-in set (bad percent-encoding) is no token either, not a 500.
    for (const value of ['%E0%A4%A', '%']) {
      const res = await ctx
        .api('anonymous')
        .get('/admin/queues/api/queues')
        .set('Cookie', `${QUEUE_BOARD_COOKIE}=${value}`);
      expect(res.status).toBe(401);
    }
  });
});
