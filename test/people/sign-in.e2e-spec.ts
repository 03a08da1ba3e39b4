import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { Role } from '@app/domain';
import { PasswordHasher } from '@app/people';
import { TEST_PASSWORD } from '../setup/factories';
import { TestContext } from '../setup/test-context';

const withoutRequestId = ({ requestId: _id, ...body }: Record<string, unknown>) => body;

describe('sign-in and sessions', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    // Many sign-ins from one address here: the per-address limit has a test of its own below.
    ctx = await TestContext.create(undefined, { config: { LOGIN_IP_LIMIT_PER_MINUTE: 1000 } });
  });
  afterAll(() => ctx.close());

  const login = (email: string, password = TEST_PASSWORD) =>
    ctx.api('anonymous').post('/auth/login').send({ email, password });
  const me = (token: string) => ctx.api('anonymous').get('/me').set('Authorization', `Bearer ${token}`);

  it('signs in with the e-mail in any case; the token works and nothing secret comes back', async () => {
    const user = await ctx.factories.user({
      role: Role.Support,
      regionCode: 'Y54',
      email: 'Jane.Smith@nhs.net',
      name: 'Jane Smith',
    });
    const res = await login('  JANE.smith@NHS.NET ').expect(200);
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshExpiresIn: 28800,
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      user: {
        id: user.id,
        email: 'jane.smith@nhs.net',
        name: 'Jane Smith',
        role: 'support',
        regionCode: 'Y54',
        active: true,
      },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|passwordHash|tokenVersion/);
    const who = await me(res.body.accessToken).expect(200);
    expect(who.body).toMatchObject({ id: user.id, email: 'jane.smith@nhs.net', role: 'support' });
  });

  it('answers a wrong password, an unknown address and an inactive account identically', async () => {
    await ctx.factories.user({ email: 'known@test.invalid' });
    await ctx.factories.user({ email: 'gone@test.invalid', active: false });
    const wrong = await login('known@test.invalid', 'not the password at all');
    const unknown = await login('nobody@test.invalid', 'not the password at all');
    const inactive = await login('gone@test.invalid', TEST_PASSWORD);
    for (const res of [wrong, unknown, inactive]) expect(res.status).toBe(401);
    expect(withoutRequestId(unknown.body)).toEqual(withoutRequestId(wrong.body));
    expect(withoutRequestId(inactive.body)).toEqual(withoutRequestId(wrong.body));
    expect(wrong.body.message).toBe('The e-mail address or password is not right');
  });

  it('checks a password even for an unknown address, so timing does not reveal accounts', async () => {
    const verify = jest.spyOn(ctx.app.get(PasswordHasher, { strict: false }), 'verify');
    try {
      await login('no.such.person@test.invalid', 'some password').expect(401);
      expect(verify).toHaveBeenCalledTimes(1);
    } finally {
      verify.mockRestore();
    }
  });

  it('locks an account after 5 failures (429, Retry-After), known or unknown, until an admin resets it', async () => {
    const user = await ctx.factories.user({ role: Role.Manager, email: 'target@test.invalid' });
    for (const email of ['target@test.invalid', 'ghost@test.invalid']) {
      for (let i = 0; i < 5; i++) await login(email, `wrong guess ${i}`).expect(401);
    }
    const lockedKnown = await login('target@test.invalid', 'wrong again').expect(429);
    const lockedUnknown = await login('ghost@test.invalid', 'wrong again').expect(429);
    expect(withoutRequestId(lockedUnknown.body)).toEqual(withoutRequestId(lockedKnown.body));
    expect(lockedKnown.body.message).toMatch(
      /Too many unsuccessful sign-ins for this account: try again in 15 minutes/,
    );
    expect(Number(lockedKnown.headers['retry-after'])).toBeGreaterThan(800);
    // Even the right password waits: the lock is on the account, not on wrong answers.
    await login('target@test.invalid').expect(429);
    // Other accounts are not affected.
    await ctx.factories.user({ email: 'bystander@test.invalid' });
    await login('bystander@test.invalid').expect(200);

    await ctx.api().post(`/users/${user.id}/password`).send({ password: 'a fresh password for target' }).expect(200);
    await login('target@test.invalid', 'a fresh password for target').expect(200);
  });

  it('a success clears the count of failures', async () => {
    await ctx.factories.user({ email: 'forgetful@test.invalid' });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) await login('forgetful@test.invalid', 'almost right').expect(401);
      await login('forgetful@test.invalid').expect(200);
    }
  });

  it('locks for LOGIN_LOCK_SECONDS from the 5th failure, however long ago the 1st was', async () => {
    const email = 'slow.guesser@test.invalid';
    for (let i = 0; i < 4; i++) await login(email, `wrong guess ${i}`).expect(401);
    // As if the first failure were nearly LOGIN_LOCK_SECONDS ago: its count has ten seconds left.
    const { REDIS_HOST, REDIS_PORT, REDIS_PASSWORD, REDIS_PREFIX } = ctx.config;
    const redis = new Redis({ host: REDIS_HOST, port: REDIS_PORT, password: REDIS_PASSWORD });
    try {
      const countKey = `${REDIS_PREFIX}:rate:login:${createHash('sha256').update(email).digest('hex')}`;
      expect(await redis.pexpire(countKey, 10_000)).toBe(1);
    } finally {
      redis.disconnect();
    }
    await login(email, 'wrong guess 4').expect(401);
    const locked = await login(email).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
  });

  it('refreshes with a refresh token only, and never accepts one kind of token as the other', async () => {
    await ctx.factories.user({ email: 'refresher@test.invalid' });
    const first = (await login('refresher@test.invalid').expect(200)).body;
    await me(first.refreshToken).expect(401);
    await ctx.api('anonymous').post('/auth/refresh').send({ refreshToken: first.accessToken }).expect(401);
    const next = (
      await ctx.api('anonymous').post('/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)
    ).body;
    expect(next).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      user: { email: 'refresher@test.invalid' },
    });
    await me(next.accessToken).expect(200);
  });

  it('deactivation ends access at once, refresh included, and reactivation does not revive old tokens', async () => {
    const user = await ctx.factories.user({ role: Role.Support, email: 'leaver@test.invalid' });
    const tokens = (await login('leaver@test.invalid').expect(200)).body;
    await me(tokens.accessToken).expect(200);

    const deactivated = await ctx.api().post(`/users/${user.id}/deactivate`).expect(200);
    expect(deactivated.body).toMatchObject({ id: user.id, active: false });
    const refused = await me(tokens.accessToken).expect(401);
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer/);
    await ctx.api('anonymous').post('/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    await login('leaver@test.invalid').expect(401);

    await ctx.api().patch(`/users/${user.id}`).send({ active: true }).expect(200);
    await me(tokens.accessToken).expect(401);
    await login('leaver@test.invalid').expect(200);
  });

  it("an admin's password reset ends every earlier token", async () => {
    const user = await ctx.factories.user({ email: 'reset@test.invalid' });
    const tokens = (await login('reset@test.invalid').expect(200)).body;
    const reset = await ctx
      .api()
      .post(`/users/${user.id}/password`)
      .send({ password: 'the new password, long' })
      .expect(200);
    expect(JSON.stringify(reset.body)).not.toMatch(/password/i);
    await me(tokens.accessToken).expect(401);
    await ctx.api('anonymous').post('/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    await login('reset@test.invalid').expect(401);
    await login('reset@test.invalid', 'the new password, long').expect(200);
  });

  it('signing out ends every session of the user', async () => {
    await ctx.factories.user({ role: Role.Manager, email: 'laptop-and-phone@test.invalid' });
    const laptop = (await login('laptop-and-phone@test.invalid').expect(200)).body;
    const phone = (await login('laptop-and-phone@test.invalid').expect(200)).body;
    await ctx.api('anonymous').post('/auth/logout').set('Authorization', `Bearer ${laptop.accessToken}`).expect(204);
    await me(laptop.accessToken).expect(401);
    await me(phone.accessToken).expect(401);
    await ctx.api('anonymous').post('/auth/refresh').send({ refreshToken: phone.refreshToken }).expect(401);
  });

  // What a client sends that sets the JSON type on every request (fetch with default headers, some SDKs).
  it.each([
    ['an empty body', ''],
    ['a body of whitespace', ' \r\n'],
  ])('signs out with the JSON content type and %s', async (_name, body) => {
    const email = `empty-${body.length}@test.invalid`;
    await ctx.factories.user({ role: Role.Support, email });
    const session = (await login(email).expect(200)).body;
    await ctx
      .api('anonymous')
      .post('/auth/logout')
      .set('Authorization', `Bearer ${session.accessToken}`)
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(204);
    await me(session.accessToken).expect(401);
    await ctx.api('anonymous').post('/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
  });

  it('changes my own password: the current one is checked, other sessions end, this one continues', async () => {
    await ctx.factories.user({ role: Role.Support, email: 'changer@test.invalid' });
    const other = (await login('changer@test.invalid').expect(200)).body;
    const mine = (await login('changer@test.invalid').expect(200)).body;
    const change = (body: object) =>
      ctx.api('anonymous').post('/me/password').set('Authorization', `Bearer ${mine.accessToken}`).send(body);

    const wrong = await change({ currentPassword: 'not my password', newPassword: 'my new long password' }).expect(400);
    expect(wrong.body.problems).toEqual([{ field: 'currentPassword', message: expect.any(String) }]);
    const short = await change({ currentPassword: TEST_PASSWORD, newPassword: 'short' }).expect(400);
    expect(short.body.problems).toEqual([
      { field: 'newPassword', message: 'newPassword must be at least 12 characters' },
    ]);

    const changed = (await change({ currentPassword: TEST_PASSWORD, newPassword: 'my new long password' }).expect(200))
      .body;
    await me(changed.accessToken).expect(200);
    await me(other.accessToken).expect(401);
    await login('changer@test.invalid', 'my new long password').expect(200);
  });

  it('applies a change of role on the very next request', async () => {
    const user = await ctx.factories.user({ role: Role.Support, email: 'promoted@test.invalid' });
    const { accessToken } = await ctx.tokensFor(user);
    await ctx.api('anonymous').get('/users').set('Authorization', `Bearer ${accessToken}`).expect(403);
    await ctx.api().patch(`/users/${user.id}`).send({ role: 'admin' }).expect(200);
    await ctx.api('anonymous').get('/users').set('Authorization', `Bearer ${accessToken}`).expect(200);
  });

  it('says when a token has expired, and when none was sent', async () => {
    const none = await ctx.api('anonymous').get('/me').expect(401);
    expect(none.body).toMatchObject({ status: 401, error: 'unauthorized', message: expect.stringContaining('Bearer') });
    expect(none.headers['www-authenticate']).toBe('Bearer');
    const { JwtService } = await import('@nestjs/jwt');
    const user = await ctx.user(Role.Manager);
    const expired = await ctx.app
      .get(JwtService, { strict: false })
      .signAsync(
        { sub: String(user.id), ver: user.tokenVersion, exp: Math.floor(Date.now() / 1000) - 1 },
        { audience: 'pot-api' },
      );
    const res = await me(expired).expect(401);
    expect(res.body.message).toMatch(/expired/);
  });

  // The guard remembers verified tokens (VerifiedTokens); a remembered one still expires on time.
  it('refuses a token that worked a moment ago once it has expired', async () => {
    const { JwtService } = await import('@nestjs/jwt');
    const user = await ctx.user(Role.Manager);
    // Valid for 5 to 6 seconds: the two reads that make the guard remember it fit inside that even on a
    // busy machine (with 1 s, a loaded run saw the second read arrive after the expiry).
    const exp = Math.floor(Date.now() / 1000) + 6;
    const token = await ctx.app
      .get(JwtService, { strict: false })
      .signAsync({ sub: String(user.id), ver: user.tokenVersion, exp }, { audience: 'pot-api' });
    await me(token).expect(200);
    await me(token).expect(200);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp * 1000 - Date.now() + 50)));
    const res = await me(token).expect(401);
    expect(res.body.message).toMatch(/expired/);
  });
});

describe('sign-in limit per address', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create(undefined, { config: { LOGIN_IP_LIMIT_PER_MINUTE: 3 } });
  });
  afterAll(() => ctx.close());

  it('answers 429 past the limit, whatever the accounts tried', async () => {
    for (let i = 0; i < 3; i++)
      await ctx
        .api('anonymous')
        .post('/auth/login')
        .send({ email: `spray${i}@test.invalid`, password: 'guess guess guess' })
        .expect(401);
    const res = await ctx
      .api('anonymous')
      .post('/auth/login')
      .send({ email: 'spray9@test.invalid', password: 'guess guess guess' })
      .expect(429);
    expect(res.body).toMatchObject({
      status: 429,
      error: 'too_many_requests',
      message: 'Too many sign-in attempts from your address: wait a minute and try again',
    });
    expect(Number(res.headers['retry-after-sign-in'])).toBeGreaterThan(0);
    expect(res.headers['retry-after']).toBe(res.headers['retry-after-sign-in']);
  });
});

describe('sign-in limits without Redis', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    // Nothing listens on port 1: the counters fall back to this process's memory.
    ctx = await TestContext.create(undefined, { config: { REDIS_PORT: 1 } });
  });
  afterAll(() => ctx.close());

  it('still signs in, and still locks an account after repeated failures', async () => {
    await ctx.factories.user({ email: 'offline@test.invalid' });
    await ctx
      .api('anonymous')
      .post('/auth/login')
      .send({ email: 'offline@test.invalid', password: TEST_PASSWORD })
      .expect(200);
    for (let i = 0; i < 5; i++)
      await ctx
        .api('anonymous')
        .post('/auth/login')
        .send({ email: 'offline@test.invalid', password: 'wrong password' })
        .expect(401);
    await ctx
      .api('anonymous')
      .post('/auth/login')
      .send({ email: 'offline@test.invalid', password: TEST_PASSWORD })
      .expect(429);
  });
});

describe('the first admin', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create(undefined, {
      config: { ADMIN_EMAIL: 'First.Admin@Example.NHS.uk', ADMIN_PASSWORD: 'a long first admin password' },
    });
  });
  afterAll(() => ctx.close());

  it('is created at start-up from ADMIN_EMAIL and ADMIN_PASSWORD, once', async () => {
    const admins = await ctx.db.query(`SELECT id, email, role, active FROM app_user`);
    expect(admins).toEqual([
      { id: expect.any(Number), email: 'first.admin@example.nhs.uk', role: 'admin', active: true },
    ]);
    await ctx
      .api('anonymous')
      .post('/auth/login')
      .send({ email: 'first.admin@example.nhs.uk', password: 'a long first admin password' })
      .expect(200);
    const audit = await ctx.db.query(`SELECT user_id, action, details FROM audit_entry WHERE entity_type = 'user'`);
    expect(audit).toEqual([
      {
        user_id: null,
        action: 'user.create',
        details: { email: 'first.admin@example.nhs.uk', role: 'admin', source: 'ADMIN_EMAIL' },
      },
    ]);

    const { PeopleService } = await import('@app/people');
    const people = ctx.app.get(PeopleService, { strict: false });
    expect(
      await people.createFirstAdmin(
        { email: 'someone.else@example.nhs.uk', password: 'another long password' },
        'test',
      ),
    ).toBe('admin-exists');
    expect(await ctx.db.query(`SELECT count(*)::int AS n FROM app_user`)).toEqual([{ n: 1 }]);
  });
});

describe('CORS', () => {
  const preflight = (ctx: TestContext, origin: string) =>
    ctx
      .api('anonymous')
      .options('/practices')
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization');

  it('is closed unless CORS_ORIGINS is set, then open to those origins only', async () => {
    const closed = await TestContext.create();
    const open = await TestContext.create(undefined, {
      config: { CORS_ORIGINS: 'https://tracker.example.nhs.uk, https://other.example.nhs.uk' },
    });
    try {
      expect(
        (await preflight(closed, 'https://tracker.example.nhs.uk')).headers['access-control-allow-origin'],
      ).toBeUndefined();
      const allowed = await preflight(open, 'https://tracker.example.nhs.uk').expect(204);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://tracker.example.nhs.uk');
      expect(allowed.headers['access-control-allow-headers']).toMatch(/Authorization/i);
      expect(
        (await preflight(open, 'https://evil.example.com')).headers['access-control-allow-origin'],
      ).toBeUndefined();
    } finally {
      await closed.close();
      await open.close();
    }
  });
});
