import { Client } from 'pg';
import { Role } from '@app/domain';
import { pgClientConfig } from '@app/config';
import { CredentialsCache } from '@app/people';
import { TestContext } from '../setup/test-context';
import { waitFor } from '../setup/wait-for';

describe('signed-in users cache', () => {
  let ctx: TestContext;
  let cache: CredentialsCache;
  let outsider: Client;

  beforeAll(async () => {
    ctx = await TestContext.create();
    cache = ctx.app.get(CredentialsCache, { strict: false });
    // Another process's connection: its changes reach the API only through the database's notices.
    outsider = new Client(pgClientConfig(ctx.config));
    await outsider.connect();
  });
  afterAll(async () => {
    await outsider.end();
    await ctx.close();
  });

  const freshAdmin = async (email: string) => {
    const user = await ctx.factories.user({ role: Role.Admin, regionCode: null, email });
    return { user, token: (await ctx.tokensFor(user)).accessToken };
  };
  const me = (token: string) => ctx.api('anonymous').get('/me').set('Authorization', `Bearer ${token}`);
  const listening = () => waitFor(() => cache.active, 'the cache to listen', 5_000);

  it('serves a signed-in user from memory while listening, so a request costs no user query', async () => {
    const { user, token } = await freshAdmin('cached@test.invalid');
    await me(token).expect(200);
    await listening();
    await me(token).expect(200); // stored now
    let loads = 0;
    const credentials = await cache.get(user.id, () => {
      loads++;
      return Promise.resolve(undefined);
    });
    expect(loads).toBe(0);
    expect(credentials).toMatchObject({ id: user.id, active: true });
  });

  it.each([
    ['deactivated', (id: number) => outsider.query(`UPDATE app_user SET active = false WHERE id = $1`, [id])],
    [
      'signed out everywhere',
      (id: number) => outsider.query(`UPDATE app_user SET token_version = token_version + 1 WHERE id = $1`, [id]),
    ],
    ['deleted', (id: number) => outsider.query(`DELETE FROM app_user WHERE id = $1`, [id])],
  ])('a user %s by another process loses access at once, not when the entry expires', async (what, change) => {
    const { user, token } = await freshAdmin(`outside.${what.replace(/ /g, '-')}@test.invalid`);
    await listening();
    await me(token).expect(200);
    await me(token).expect(200);
    await change(user.id);
    // The entry would serve for 5 s; the notice has to end it well before that.
    await waitFor(async () => (await me(token)).status === 401, 'the token to be refused', 1_000);
  });

  it('a user deactivated through the API is refused on the very next request', async () => {
    const { user, token } = await freshAdmin('deactivated.here@test.invalid');
    await me(token).expect(200);
    await me(token).expect(200);
    await ctx.api().post(`/users/${user.id}/deactivate`).expect(200);
    await me(token).expect(401);
  });

  it('keeps nothing while the listening connection is down, and listens again', async () => {
    const { user, token } = await freshAdmin('outage@test.invalid');
    await listening();
    await outsider.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND query = 'LISTEN app_user_changed'`,
    );
    await waitFor(() => !cache.active, 'the cache to stop listening', 2_000);
    // Meanwhile every request reads the row: a change made now bites at once.
    await me(token).expect(200);
    await outsider.query(`UPDATE app_user SET active = false WHERE id = $1`, [user.id]);
    await me(token).expect(401);
    await waitFor(() => cache.active, 'the cache to listen again', 10_000);
  });
});
