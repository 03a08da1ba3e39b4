import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Role } from '@app/domain';
import { WEB_APP_CSP } from '../../apps/api/src/web/web-app';
import { TEST_PASSWORD } from '../setup/factories';
import { TestContext } from '../setup/test-context';

/** The web app's session routes (cookie-kept refresh token) and how the API serves the built app. */
describe('web app: session cookie and serving', () => {
  let ctx: TestContext;
  let dist: string;

  beforeAll(async () => {
    // A stand-in for apps/web/dist, so this spec does not depend on a build.
    dist = mkdtempSync(join(tmpdir(), 'pot-web-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><title>app</title><script type="module" src="/assets/app-1.js"></script>',
    );
    writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log("app");');
    ctx = await TestContext.create(undefined, { config: { LOGIN_IP_LIMIT_PER_MINUTE: 1000, WEB_DIST_DIR: dist } });
  });
  afterAll(async () => {
    await ctx.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const anonymous = () => ctx.api('anonymous');
  const signIn = (email: string, password = TEST_PASSWORD) =>
    anonymous().post('/auth/session').send({ email, password });
  const sessionCookie = (res: { headers: Record<string, unknown> }) =>
    ([res.headers['set-cookie']].flat().filter(Boolean) as string[]).find((c) => c.startsWith('pot_session='));
  const cookieValue = (setCookie: string) => setCookie.split(';')[0];
  const me = (token: string) => anonymous().get('/me').set('Authorization', `Bearer ${token}`);

  describe('session routes', () => {
    it('signs in: an access token and the user in JSON, the refresh token only in a Secure cookie', async () => {
      const user = await ctx.factories.user({ role: Role.Manager, regionCode: 'Y54', email: 'web.user@test.invalid' });
      const res = await signIn('web.user@test.invalid').expect(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
        user: expect.objectContaining({
          id: user.id,
          email: 'web.user@test.invalid',
          role: 'manager',
          regionCode: 'Y54',
        }),
      });
      const cookie = sessionCookie(res)!;
      expect(cookie).toMatch(/^pot_session=[\w.-]+;/);
      expect(cookie.split('; ').slice(1).sort()).toEqual(
        ['HttpOnly', 'Max-Age=28800', 'Path=/api/v1/auth/session', 'SameSite=Strict', 'Secure'].sort(),
      );
      await me(res.body.accessToken).expect(200);
    });

    it('refuses a wrong password, empty fields and a locked account as /auth/login does', async () => {
      await ctx.factories.user({ email: 'web.wrong@test.invalid' });
      const wrong = await signIn('web.wrong@test.invalid', 'not the password').expect(401);
      expect(wrong.body.message).toBe('The e-mail address or password is not right');
      expect(sessionCookie(wrong)).toBeUndefined();

      const empty = await anonymous().post('/auth/session').send({ email: '', password: '' }).expect(400);
      expect(empty.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['email', 'password']);

      for (let i = 0; i < 4; i++) await signIn('web.wrong@test.invalid', `guess ${i}`).expect(401);
      const locked = await signIn('web.wrong@test.invalid').expect(429);
      expect(locked.body.message).toMatch(/try again in 15 minutes/);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    });

    it('refreshes with the cookie alone: a new access token and a new cookie', async () => {
      await ctx.factories.user({ email: 'web.refresh@test.invalid' });
      const cookie = cookieValue(sessionCookie(await signIn('web.refresh@test.invalid').expect(200))!);
      const res = await anonymous().post('/auth/session/refresh').set('Cookie', cookie).expect(200);
      expect(res.body).toMatchObject({ accessToken: expect.any(String), user: { email: 'web.refresh@test.invalid' } });
      expect(res.body.refreshToken).toBeUndefined();
      expect(sessionCookie(res)).toMatch(/^pot_session=[\w.-]+; Max-Age=28800; Path=\/api\/v1\/auth\/session;/);
      await me(res.body.accessToken).expect(200);
    });

    it('refuses a refresh with no cookie or a bad one (and clears a bad one)', async () => {
      const none = await anonymous().post('/auth/session/refresh').expect(401);
      expect(none.body.message).toBe('You are not signed in');
      const bad = await anonymous().post('/auth/session/refresh').set('Cookie', 'pot_session=nonsense').expect(401);
      expect(sessionCookie(bad)).toMatch(/^pot_session=; Max-Age=0; Path=\/api\/v1\/auth\/session;/);
    });

    it('signs out with no body: the cookie is cleared and every token of the user stops working', async () => {
      await ctx.factories.user({ email: 'web.out@test.invalid' });
      const session = await signIn('web.out@test.invalid').expect(200);
      const cookie = cookieValue(sessionCookie(session)!);
      const out = await anonymous().post('/auth/session/sign-out').set('Cookie', cookie).expect(204);
      expect(sessionCookie(out)).toMatch(/^pot_session=; Max-Age=0;/);
      await anonymous().post('/auth/session/refresh').set('Cookie', cookie).expect(401);
      await me(session.body.accessToken).expect(401);
      // Signing out twice, or with no session at all, is no error.
      await anonymous().post('/auth/session/sign-out').set('Cookie', cookie).expect(204);
      await anonymous().post('/auth/session/sign-out').expect(204);
    });

    it('ends the session of a deactivated user at the next refresh, with the reason', async () => {
      const user = await ctx.factories.user({ email: 'web.leaver@test.invalid' });
      const cookie = cookieValue(sessionCookie(await signIn('web.leaver@test.invalid').expect(200))!);
      await ctx.api().post(`/users/${user.id}/deactivate`).expect(200);
      const res = await anonymous().post('/auth/session/refresh').set('Cookie', cookie).expect(401);
      expect(res.body.message).toBe('This session has ended: sign in again');
    });

    it('keeps the bearer routes for scripts working beside it', async () => {
      await ctx.factories.user({ email: 'web.script@test.invalid' });
      const res = await anonymous()
        .post('/auth/login')
        .send({ email: 'web.script@test.invalid', password: TEST_PASSWORD })
        .expect(200);
      expect(res.body.refreshToken).toEqual(expect.any(String));
      expect(sessionCookie(res)).toBeUndefined();
    });
  });

  describe('serving the app', () => {
    // Outside the API prefix: plain requests to the app's server.
    const get = (path: string) => request(ctx.app.getHttpServer()).get(path);
    const page = (path: string) => get(path).set('Accept', 'text/html,application/xhtml+xml');

    it.each(['/', '/sign-in', '/a/deep/link?asOf=2014-09-30'])(
      'answers %s with index.html and the app policy',
      async (path) => {
        const res = await page(path).expect(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.text).toContain('<title>app</title>');
        expect(res.headers['content-security-policy']).toBe(WEB_APP_CSP);
        expect(res.headers['cache-control']).toBe('no-cache');
      },
    );

    it('allows only its own scripts and styles, nothing inline', () => {
      const directives = Object.fromEntries(
        WEB_APP_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
      );
      expect(directives).toMatchObject({ 'script-src': "'self'", 'style-src': "'self'", 'default-src': "'self'" });
      expect(WEB_APP_CSP).not.toMatch(/unsafe|https:|data:/);
    });

    it('serves its hashed files for a year, and a 404 for a missing one', async () => {
      const res = await get('/assets/app-1.js').expect(200);
      expect(res.text).toBe('console.log("app");');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      await get('/assets/app-2.js').expect(404);
    });

    it('leaves the API, the docs, the health check and the queue board as they are', async () => {
      const unknown = await page('/api/v1/no-such-route').expect(404);
      expect(unknown.body).toMatchObject({ status: 404, error: 'not_found' });
      const docs = await page('/docs').expect(200);
      expect(docs.text).toContain('swagger');
      expect(docs.headers['content-security-policy']).not.toBe(WEB_APP_CSP);
      await page('/docs-json').expect(200);
      expect((await page('/health').expect(200)).body.status).toBe('ok');
      const board = await page('/admin/queues');
      expect(board.text).not.toContain('<title>app</title>');
    });

    it('answers a request that does not ask for HTML, or is not a GET, with the API 404', async () => {
      const json = await get('/sign-in').set('Accept', 'application/json').expect(404);
      expect(json.body).toMatchObject({ status: 404, error: 'not_found', requestId: expect.any(String) });
      await request(ctx.app.getHttpServer()).post('/').set('Accept', 'text/html').expect(404);
    });
  });
});
