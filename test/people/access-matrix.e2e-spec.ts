import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { Level, Role, Service } from '@app/domain';
import { ACCESS_AUDIENCE, TOKEN_ISSUER } from '@app/people';
import { CreatedUser, TEST_PASSWORD } from '../setup/factories';
import { TestContext } from '../setup/test-context';

const { Admin, Manager, Support } = Role;
const READERS = [Admin, Manager, Support];
const WRITERS = [Admin, Support];

interface Fixture {
  /** A practice in region Y54 (support staff of Y56 may not change it). */
  practiceCode: string;
  /** A user the admin routes act on. */
  targetUserId: number;
  signIn: { email: string; password: string };
  refreshToken: () => Promise<string>;
  newPracticeCode: () => string;
  /** A fresh open follow-up (about records) with a practice of its own in region Y54; returns its id. */
  newFollowUp: () => Promise<number>;
}

interface Sample {
  path?: string;
  body?: object;
  /** A Cookie header (the web app's session routes). */
  cookie?: string;
}

interface Rule {
  /** 'public': no token needed (and any token ignored); otherwise the roles the access checks let through. */
  allow: 'public' | Role[];
  /** Support staff of another region are refused (403): the practice's region is checked, not only the role. */
  regionScoped?: boolean;
  /** A request valid enough to get past validation, so the checks after it (the region's) are reached. */
  sample?: (f: Fixture) => Sample | Promise<Sample>;
}

const PUBLIC: Rule = { allow: 'public' };
const BOARD = 'ANY /admin/queues/… (Bull Board)';

/**
 * The expected access of every route the app serves. A route missing here fails the test: a new route
 * must state who may use it, here and with `@Roles` (or `@Public`) in its controller.
 */
const RULES: Record<string, Rule> = {
  'GET /health': PUBLIC,
  'GET /docs': PUBLIC,
  'GET /docs/': PUBLIC,
  'GET /docs/index.html': PUBLIC,
  'GET /docs/LICENSE': PUBLIC,
  'GET /docs/swagger-ui-init.js': PUBLIC,
  'GET /docs/docs/swagger-ui-init.js': PUBLIC,
  'GET /docs-json': PUBLIC,
  'GET /docs-yaml': PUBLIC,
  // Swagger UI's files (@fastify/static); HEAD is Fastify's own for static files.
  'GET /docs/*': { allow: 'public', sample: () => ({ path: '/docs/swagger-ui-init.js' }) },
  'HEAD /docs/*': { allow: 'public', sample: () => ({ path: '/docs/swagger-ui-init.js' }) },
  // The web app (apps/api/src/web/web-app.ts): its files, and index.html for any other page that asks for HTML.
  'GET /assets/*': { allow: 'public', sample: () => ({ path: '/assets/not-there.js' }) },
  'HEAD /assets/*': { allow: 'public', sample: () => ({ path: '/assets/not-there.js' }) },
  'GET /*': { allow: 'public', sample: () => ({ path: '/sign-in' }) },

  'POST /api/v1/auth/login': { allow: 'public', sample: (f) => ({ body: f.signIn }) },
  'POST /api/v1/auth/refresh': {
    allow: 'public',
    sample: async (f) => ({ body: { refreshToken: await f.refreshToken() } }),
  },
  'POST /api/v1/auth/logout': { allow: READERS },
  'POST /api/v1/auth/session': { allow: 'public', sample: (f) => ({ body: f.signIn }) },
  'POST /api/v1/auth/session/refresh': {
    allow: 'public',
    sample: async (f) => ({ cookie: `pot_session=${await f.refreshToken()}` }),
  },
  'POST /api/v1/auth/session/sign-out': PUBLIC,
  'GET /api/v1/me': { allow: READERS },
  'POST /api/v1/me/password': {
    allow: READERS,
    sample: () => ({ body: { currentPassword: TEST_PASSWORD, newPassword: 'another long password' } }),
  },

  'GET /api/v1/regions': { allow: READERS },
  'POST /api/v1/regions': { allow: [Admin] },
  'GET /api/v1/area-teams': { allow: READERS },
  'POST /api/v1/area-teams': { allow: [Admin] },
  'GET /api/v1/ccgs': { allow: READERS },
  'POST /api/v1/ccgs': { allow: [Admin] },

  'GET /api/v1/practices': { allow: READERS },
  'GET /api/v1/practices/:code': { allow: READERS },
  'GET /api/v1/practices/:code/history': { allow: READERS },
  'POST /api/v1/practices': {
    allow: WRITERS,
    regionScoped: true,
    sample: (f) => ({ body: { code: f.newPracticeCode(), name: 'New Surgery', ccgCode: '00M' } }),
  },
  'PATCH /api/v1/practices/:code': {
    allow: WRITERS,
    regionScoped: true,
    sample: () => ({ body: { name: 'Renamed Surgery' } }),
  },
  'POST /api/v1/practices/:code/status': {
    allow: WRITERS,
    regionScoped: true,
    sample: () => ({ body: { service: Service.Records, level: Level.Enabled, effectiveDate: '2014-01-01' } }),
  },
  // Reads only, for the status form of those who may write: any region.
  'GET /api/v1/practices/:code/status-impact': {
    allow: WRITERS,
    sample: (f) => ({
      path: `/api/v1/practices/${f.practiceCode}/status-impact?service=records&level=enabled&effectiveDate=2014-01-01`,
    }),
  },
  'POST /api/v1/practices/:code/list-sizes': {
    allow: WRITERS,
    regionScoped: true,
    sample: () => ({ body: { patients: 5000, effectiveDate: '2014-01-01' } }),
  },

  'GET /api/v1/reports/summary': { allow: READERS },
  'GET /api/v1/reports/breakdown': { allow: READERS, sample: () => ({ path: '/api/v1/reports/breakdown?by=region' }) },
  'GET /api/v1/reports/trend': {
    allow: READERS,
    sample: () => ({ path: '/api/v1/reports/trend?from=2014-01&to=2014-03&service=records' }),
  },
  'GET /api/v1/reports/outlook': { allow: READERS },

  'GET /api/v1/users': { allow: [Admin] },
  'POST /api/v1/users': { allow: [Admin] },
  'GET /api/v1/users/:id': { allow: [Admin] },
  'PATCH /api/v1/users/:id': { allow: [Admin], sample: () => ({ body: { name: 'Renamed' } }) },
  'POST /api/v1/users/:id/deactivate': { allow: [Admin] },
  'POST /api/v1/users/:id/password': { allow: [Admin], sample: () => ({ body: { password: 'a brand new password' } }) },
  'GET /api/v1/audit': { allow: [Admin] },

  // The guard runs before the upload is read: a refused request stores no file.
  'POST /api/v1/imports': { allow: [Admin] },
  'GET /api/v1/imports': { allow: [Admin] },
  'GET /api/v1/imports/:id': { allow: [Admin] },
  'GET /api/v1/imports/:id/problems': { allow: [Admin] },
  'GET /api/v1/imports/:id/problems.csv': { allow: [Admin] },

  // Each write gets a follow-up of its own (one that an earlier caller closed would answer 409 first).
  'GET /api/v1/follow-ups': { allow: READERS },
  'GET /api/v1/follow-ups/:id': {
    allow: READERS,
    sample: async (f) => ({ path: `/api/v1/follow-ups/${await f.newFollowUp()}` }),
  },
  'GET /api/v1/follow-ups/:id/owners': {
    allow: WRITERS,
    sample: async (f) => ({ path: `/api/v1/follow-ups/${await f.newFollowUp()}/owners` }),
  },
  'POST /api/v1/follow-ups/:id/contacts': {
    allow: WRITERS,
    regionScoped: true,
    sample: async (f) => ({
      path: `/api/v1/follow-ups/${await f.newFollowUp()}/contacts`,
      body: { method: 'phone', outcome: 'Spoke to the practice manager' },
    }),
  },
  'POST /api/v1/follow-ups/:id/barriers': {
    allow: WRITERS,
    regionScoped: true,
    sample: async (f) => ({
      path: `/api/v1/follow-ups/${await f.newFollowUp()}/barriers`,
      body: { barriers: [{ service: Service.Records, category: 'staff_capacity' }] },
    }),
  },
  'PUT /api/v1/follow-ups/:id/due-date': {
    allow: WRITERS,
    regionScoped: true,
    sample: async (f) => ({
      path: `/api/v1/follow-ups/${await f.newFollowUp()}/due-date`,
      body: { dueDate: '2099-01-01' },
    }),
  },
  'PUT /api/v1/follow-ups/:id/owner': {
    allow: WRITERS,
    regionScoped: true,
    sample: async (f) => ({ path: `/api/v1/follow-ups/${await f.newFollowUp()}/owner`, body: { ownerId: null } }),
  },
  'POST /api/v1/follow-ups/:id/resolve': {
    allow: WRITERS,
    regionScoped: true,
    sample: async (f) => ({
      path: `/api/v1/follow-ups/${await f.newFollowUp()}/resolve`,
      body: { reason: 'Enabled after a visit' },
    }),
  },
  'POST /api/v1/follow-ups/:id/cancel': {
    allow: WRITERS,
    regionScoped: true,
    sample: async (f) => ({
      path: `/api/v1/follow-ups/${await f.newFollowUp()}/cancel`,
      body: { reason: 'Practice merged' },
    }),
  },
  'GET /api/v1/reports/barriers': { allow: READERS, sample: () => ({ path: '/api/v1/reports/barriers?by=category' }) },
  'GET /api/v1/me/reminders': { allow: READERS },
  'POST /api/v1/me/reminders/:id/read': { allow: READERS },
  'POST /api/v1/me/reminders/read': { allow: READERS },

  // Bull Board: a Fastify plugin outside the guard, whose scope checks the same tokens itself (admins
  // only) before any of its routes; BOARD stands for all of them (see boardRouteKey).
  [BOARD]: { allow: [Admin], sample: () => ({ path: '/admin/queues/api/queues' }) },
  'GET /admin/queues/sign-in': { allow: [Admin] },
};

/**
 * The board's routes (dozens, some of them destructive, all behind one admin check of their scope) are
 * one rule: each is listed as served, and the check is exercised on a harmless one.
 */
function boardRouteKey(key: string): string {
  return key.startsWith('GET /admin/queues/sign-in') || !/^\S+ \/admin\/queues(\/|$)/.test(key) ? key : BOARD;
}

type Outcome = 'allowed' | 401 | 403;

interface Scenario {
  name: string;
  /** The Authorization header to send (none when undefined). */
  header: () => string | undefined | Promise<string | undefined>;
  expected: (rule: Rule) => Outcome;
}

describe('access matrix: every served route × every kind of caller', () => {
  let ctx: TestContext;
  let fixture: Fixture;
  let jwt: JwtService;
  const foreignJwt = new JwtService({
    secret: 'not the secret of this app, but long enough to sign',
    signOptions: { algorithm: 'HS256', issuer: TOKEN_ISSUER },
  });
  let practiceSeq = 0;

  beforeAll(async () => {
    ctx = await TestContext.create();
    jwt = ctx.app.get(JwtService, { strict: false });
    await ctx.factories.ccg('00M', 'Y54');
    await ctx.factories.ccg('07X', 'Y56');
    const { code } = await ctx.factories.practice({ code: 'A81001', ccgCode: '00M' });
    const target = await ctx.factories.user({ role: Support, regionCode: 'Y54' });
    const signInUser = await ctx.factories.user({ role: Manager, email: 'matrix.sign-in@test.invalid' });
    fixture = {
      practiceCode: code,
      targetUserId: target.id,
      signIn: { email: signInUser.email, password: TEST_PASSWORD },
      refreshToken: async () => (await ctx.tokensFor(signInUser)).refreshToken,
      newPracticeCode: () => `B${String(10000 + ++practiceSeq)}`,
      newFollowUp: async () => {
        const practice = await ctx.factories.practice({ code: `C${String(10000 + ++practiceSeq)}`, ccgCode: '00M' });
        const [row] = await ctx.db.query(
          `INSERT INTO follow_up (practice_id, services_not_offered, due_date) VALUES ($1, '{records}', '2099-01-01')
           RETURNING id`,
          [practice.id],
        );
        return row.id;
      },
    };
  });
  afterAll(() => ctx.close());

  const bearer = (token: string) => `Bearer ${token}`;
  const freshUser = (role: Role, regionCode: string | null = null, active = true) =>
    ctx.factories.user({ role, regionCode, active });
  const accessToken = async (user: CreatedUser) => (await ctx.tokensFor(user)).accessToken;
  const roleRule =
    (role: Role) =>
    (rule: Rule): Outcome =>
      typeof rule.allow === 'string' || rule.allow.includes(role) ? 'allowed' : 403;
  const refused =
    (status: 401) =>
    (rule: Rule): Outcome =>
      typeof rule.allow === 'string' ? 'allowed' : status;

  const scenarios: Scenario[] = [
    { name: 'no token', header: () => undefined, expected: refused(401) },
    { name: 'not a JWT', header: () => bearer('not-a-token'), expected: refused(401) },
    {
      name: 'another scheme',
      header: () => `Basic ${Buffer.from(`${fixture.signIn.email}:${TEST_PASSWORD}`).toString('base64')}`,
      expected: refused(401),
    },
    {
      name: 'signed with another secret',
      header: async () =>
        bearer(
          await foreignJwt.signAsync(
            { sub: String((await freshUser(Admin)).id), ver: 1 },
            { audience: ACCESS_AUDIENCE, expiresIn: 600 },
          ),
        ),
      expected: refused(401),
    },
    {
      name: 'unsigned (alg none)',
      header: async () => {
        const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        const now = Math.floor(Date.now() / 1000);
        const user = await freshUser(Admin);
        const claims = {
          sub: String(user.id),
          ver: 1,
          aud: ACCESS_AUDIENCE,
          iss: TOKEN_ISSUER,
          iat: now,
          exp: now + 600,
        };
        return bearer(`${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`);
      },
      expected: refused(401),
    },
    {
      name: 'expired',
      header: async () => {
        const user = await freshUser(Admin);
        return bearer(
          await jwt.signAsync(
            { sub: String(user.id), ver: user.tokenVersion, exp: Math.floor(Date.now() / 1000) - 60 },
            { audience: ACCESS_AUDIENCE },
          ),
        );
      },
      expected: refused(401),
    },
    {
      name: 'without an expiry',
      header: async () => {
        const user = await freshUser(Admin);
        return bearer(
          await jwt.signAsync({ sub: String(user.id), ver: user.tokenVersion }, { audience: ACCESS_AUDIENCE }),
        );
      },
      expected: refused(401),
    },
    {
      name: 'refresh token used as access token',
      header: async () => bearer((await ctx.tokensFor(await freshUser(Admin))).refreshToken),
      expected: refused(401),
    },
    {
      name: 'user that does not exist',
      header: async () =>
        bearer(await jwt.signAsync({ sub: '999999', ver: 1 }, { audience: ACCESS_AUDIENCE, expiresIn: 600 })),
      expected: refused(401),
    },
    {
      name: 'deactivated admin',
      header: async () => bearer(await accessToken(await freshUser(Admin, null, false))),
      expected: refused(401),
    },
    {
      name: 'admin signed out since (token version raised)',
      header: async () => {
        const user = await freshUser(Admin);
        const token = await accessToken(user);
        await ctx.db.query(`UPDATE app_user SET token_version = token_version + 1 WHERE id = $1`, [user.id]);
        return bearer(token);
      },
      expected: refused(401),
    },
    { name: 'admin', header: async () => bearer(await accessToken(await freshUser(Admin))), expected: roleRule(Admin) },
    {
      name: 'manager',
      header: async () => bearer(await accessToken(await freshUser(Manager, 'Y54'))),
      expected: roleRule(Manager),
    },
    {
      name: 'support of the region',
      header: async () => bearer(await accessToken(await freshUser(Support, 'Y54'))),
      expected: roleRule(Support),
    },
    {
      name: 'support of no region',
      header: async () => bearer(await accessToken(await freshUser(Support))),
      expected: roleRule(Support),
    },
    {
      name: 'support of another region',
      header: async () => bearer(await accessToken(await freshUser(Support, 'Y56'))),
      expected: (rule) =>
        Array.isArray(rule.allow) && rule.allow.includes(Support) && rule.regionScoped ? 403 : roleRule(Support)(rule),
    },
  ];

  it('has a rule for every route the app serves, and no rule for a route it does not serve', () => {
    const served = [...new Set(ctx.servedRoutes.map((r) => boardRouteKey(r.key)))].sort();
    expect(served.filter((key) => !(key in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((key) => !served.includes(key))).toEqual([]);
  });

  it.each(Object.keys(RULES))('%s', async (key) => {
    const rule = RULES[key];
    const [method, pattern] = key.split(' ');
    const results: string[] = [];
    const expectations: string[] = [];
    for (const scenario of scenarios) {
      const sample = (await rule.sample?.(fixture)) ?? {};
      const path = sample.path ?? fillParams(pattern, fixture, key);
      const verb = (method === 'ANY' ? 'get' : method.toLowerCase()) as
        'get' | 'head' | 'post' | 'patch' | 'put' | 'delete';
      const req = request(ctx.app.getHttpServer())[verb](path);
      const header = await scenario.header();
      if (header) req.set('Authorization', header);
      if (sample.cookie) req.set('Cookie', sample.cookie);
      const res = sample.body ? await req.send(sample.body) : await req;
      const outcome: number | 'allowed' =
        res.status === 401 || res.status === 403 ? res.status : res.status >= 500 ? res.status : 'allowed';
      results.push(`${scenario.name}: ${outcome}`);
      expectations.push(`${scenario.name}: ${scenario.expected(rule)}`);
    }
    expect(results).toEqual(expectations);
  });

  it('documents bearer authentication on every protected route and on no public one', async () => {
    const spec = (await ctx.api('anonymous').get('/docs-json').expect(200)).body;
    const wrong: string[] = [];
    for (const [key, rule] of Object.entries(RULES)) {
      const [method, pattern] = key.split(' ');
      if (!pattern.startsWith('/api/') && pattern !== '/health') continue;
      const operation = spec.paths[pattern.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      const bearerAuth = (operation?.security ?? []).some((s: Record<string, unknown>) => 'bearer' in s);
      if (!operation || bearerAuth !== Array.isArray(rule.allow))
        wrong.push(`${key}: ${operation ? `bearer=${bearerAuth}` : 'not documented'}`);
    }
    expect(wrong).toEqual([]);
  });
});

function fillParams(pattern: string, f: Fixture, key: string): string {
  const values: Record<string, string> = { code: f.practiceCode, id: String(f.targetUserId) };
  return pattern.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`No sample value for :${name} in ${key}: give the rule a sample path`);
    return values[name];
  });
}
