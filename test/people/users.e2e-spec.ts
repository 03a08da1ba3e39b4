import { Role } from '@app/domain';
import { TestContext } from '../setup/test-context';

describe('users (admin)', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
    await ctx.factories.region('Y54', 'North of England');
    await ctx.factories.region('Y56', 'London');
  });
  afterAll(() => ctx.close());

  const newUser = (overrides: object = {}) => ({
    email: 'Sam.Jones@nhs.net',
    name: 'Sam Jones',
    role: 'support',
    regionCode: 'y54',
    password: 'twelve chars!',
    ...overrides,
  });

  it('creates a user (e-mail lower-cased, region upper-cased) and never returns the password', async () => {
    const res = await ctx.api().post('/users').send(newUser()).expect(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      email: 'sam.jones@nhs.net',
      name: 'Sam Jones',
      role: 'support',
      regionCode: 'Y54',
      active: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const got = await ctx.api().get(`/users/${res.body.id}`).expect(200);
    expect(got.body).toEqual(res.body);
    const [row] = await ctx.db.query(`SELECT password_hash FROM app_user WHERE id = $1`, [res.body.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('refuses the same e-mail in another case (409)', async () => {
    const res = await ctx
      .api()
      .post('/users')
      .send(newUser({ email: 'SAM.JONES@NHS.NET', name: 'Another Sam' }))
      .expect(409);
    expect(res.body.message).toBe('A user with e-mail sam.jones@nhs.net already exists');
  });

  it.each([
    ['a short password', { password: 'elevenchars' }, 'password', 'password must be at least 12 characters'],
    ['no password', { password: undefined }, 'password', undefined],
    ['a bad e-mail', { email: 'not-an-address' }, 'email', 'email must be an e-mail address'],
    ['an unknown role', { role: 'superuser' }, 'role', undefined],
    [
      'an unknown region',
      { email: 'x1@nhs.net', regionCode: 'Y99' },
      'regionCode',
      'regionCode Y99 is not a known region',
    ],
    ['a malformed region', { regionCode: 'North' }, 'regionCode', undefined],
    ['an unknown field', { isAdmin: true }, 'isAdmin', undefined],
  ])('refuses %s with a 400 naming the field', async (_name, overrides, field, message) => {
    const before = await ctx.db.query(`SELECT count(*)::int AS n FROM app_user`);
    const res = await ctx
      .api()
      .post('/users')
      .send(newUser({ email: `other.${field}@nhs.net`, ...overrides }))
      .expect(400);
    expect(res.body.problems).toContainEqual({ field, message: message ?? expect.any(String) });
    expect(await ctx.db.query(`SELECT count(*)::int AS n FROM app_user`)).toEqual(before);
  });

  it('updates name, role and region, and clears the region with null', async () => {
    const { body: user } = await ctx
      .api()
      .post('/users')
      .send(newUser({ email: 'mover@nhs.net' }))
      .expect(201);
    const moved = await ctx.api().patch(`/users/${user.id}`).send({ regionCode: 'Y56', name: 'Mover' }).expect(200);
    expect(moved.body).toMatchObject({ regionCode: 'Y56', name: 'Mover', role: 'support' });
    const everywhere = await ctx
      .api()
      .patch(`/users/${user.id}`)
      .send({ regionCode: null, role: 'manager' })
      .expect(200);
    expect(everywhere.body).toMatchObject({ regionCode: null, role: 'manager' });
    await ctx.api().patch(`/users/${user.id}`).send({ regionCode: 'Y99' }).expect(400);
    await ctx.api().patch(`/users/${user.id}`).send({ email: 'new@nhs.net' }).expect(400);
    await ctx.api().patch(`/users/${user.id}`).send({ name: null }).expect(400);
  });

  it('lists with filters and paging', async () => {
    await ctx.factories.user({
      role: Role.Manager,
      regionCode: 'Y56',
      email: 'list.manager@nhs.net',
      name: 'Pat Manager',
    });
    await ctx.factories.user({ role: Role.Support, regionCode: 'Y56', email: 'list.support@nhs.net', active: false });
    const managers = await ctx.api().get('/users?role=manager&regionCode=Y56').expect(200);
    expect(managers.body.items.map((u: { email: string }) => u.email)).toEqual(['list.manager@nhs.net']);
    const inactive = await ctx.api().get('/users?active=false').expect(200);
    expect(inactive.body.items.map((u: { email: string }) => u.email)).toEqual(['list.support@nhs.net']);
    const byText = await ctx.api().get('/users?q=pat%20man').expect(200);
    expect(byText.body).toMatchObject({ total: 1, items: [{ name: 'Pat Manager' }] });
    const page = await ctx.api().get('/users?pageSize=1&page=2').expect(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 1, total: expect.any(Number) });
    expect(page.body.items).toHaveLength(1);
    expect(JSON.stringify((await ctx.api().get('/users').expect(200)).body)).not.toMatch(/password|argon2/i);
    await ctx.api().get('/users?active=yes').expect(400);
  });

  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    await ctx.api().get('/users/999999').expect(404);
    const bad = await ctx.api().get('/users/abc').expect(400);
    expect(bad.body.problems).toEqual([{ field: 'id', message: 'id must be a positive whole number' }]);
    await ctx.api().post('/users/999999/deactivate').expect(404);
  });

  it('deactivates a user when the request has the JSON content type and an empty body', async () => {
    const leaver = await ctx.factories.user({ role: Role.Support, email: 'empty.body@nhs.net' });
    const res = await ctx
      .api()
      .post(`/users/${leaver.id}/deactivate`)
      .set('Content-Type', 'application/json')
      .send('')
      .expect(200);
    expect(res.body).toMatchObject({ id: leaver.id, active: false });
  });

  it('never removes the last active admin, by demotion or deactivation', async () => {
    const admins = await ctx.db.query(`SELECT id FROM app_user WHERE role = 'admin' AND active`);
    const me = await ctx.user(Role.Admin);
    expect(admins).toEqual([{ id: me.id }]);
    const demote = await ctx.api().patch(`/users/${me.id}`).send({ role: 'support' }).expect(409);
    expect(demote.body.message).toMatch(/last active admin/);
    await ctx.api().post(`/users/${me.id}/deactivate`).expect(409);

    const second = await ctx.factories.user({ role: Role.Admin, email: 'second.admin@nhs.net' });
    await ctx.api().post(`/users/${second.id}/deactivate`).expect(200);
    await ctx.api().post(`/users/${me.id}/deactivate`).expect(409);
  });

  it('two admins demoting each other at once: one succeeds, one admin remains', async () => {
    const a = await ctx.factories.user({ role: Role.Admin, email: 'admin.a@nhs.net' });
    const b = await ctx.factories.user({ role: Role.Admin, email: 'admin.b@nhs.net' });
    // The test context's own admin steps aside so that only a and b are active admins.
    const me = await ctx.user(Role.Admin);
    await ctx.api().patch(`/users/${me.id}`).send({ role: 'manager' }).expect(200);
    const [tokenA, tokenB] = [(await ctx.tokensFor(a)).accessToken, (await ctx.tokensFor(b)).accessToken];
    const results = await Promise.all([
      ctx.api('anonymous').patch(`/users/${b.id}`).set('Authorization', `Bearer ${tokenA}`).send({ role: 'support' }),
      ctx.api('anonymous').patch(`/users/${a.id}`).set('Authorization', `Bearer ${tokenB}`).send({ role: 'support' }),
    ]);
    // The loser either finds itself no longer admin (403) or the other already demoted (409, by the rule:
    // never a deadlock between the two transactions).
    expect(results.map((r) => r.status).sort()).toEqual([200, expect.any(Number)]);
    const loser = results.find((r) => r.status !== 200)!;
    if (loser.status === 409) expect(loser.body.message).toMatch(/last active admin/);
    else expect(loser.status).toBe(403);
    expect(await ctx.db.query(`SELECT count(*)::int AS n FROM app_user WHERE role = 'admin' AND active`)).toEqual([
      { n: 1 },
    ]);
  });

  it('is for admins only', async () => {
    await ctx.api(Role.Manager).get('/users').expect(403);
    await ctx
      .api(Role.Support)
      .post('/users')
      .send(newUser({ email: 'sneaky@nhs.net' }))
      .expect(403);
  });
});
