import { TestContext } from '../setup/test-context';

describe('health and docs', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  it('reports PostgreSQL and Redis up without a token', async () => {
    const res = await ctx.api('anonymous').get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('serves OpenAPI describing every route', async () => {
    await ctx.api('anonymous').get('/docs').expect(200);
    const spec = (await ctx.api('anonymous').get('/docs-json').expect(200)).body;
    for (const path of [
      '/api/v1/practices',
      '/api/v1/practices/{code}',
      '/api/v1/practices/{code}/status',
      '/api/v1/practices/{code}/list-sizes',
      '/api/v1/practices/{code}/history',
      '/api/v1/regions',
      '/api/v1/ccgs',
      '/health',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    expect(spec.components.schemas.RecordLevelDto.properties.level.enum).toEqual(['not_capable', 'capable', 'enabled']);
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const given = await ctx.api().get('/practices').set('X-Request-Id', 'abc-123').expect(200);
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await ctx.api().get('/practices').set('X-Request-Id', 'bad id with spaces').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends the security headers on every response: data, errors and the docs page', async () => {
    const responses = [
      await ctx.api().get('/practices').expect(200),
      await ctx.api('anonymous').get('/practices').expect(401),
      await ctx.api().get('/practices/Z99999').expect(404),
      await ctx.api('anonymous').get('/docs').expect(200),
    ];
    for (const res of responses) {
      expect(res.headers).toMatchObject({
        'content-security-policy': expect.stringContaining("default-src 'self'"),
        'strict-transport-security': expect.stringMatching(/^max-age=\d+/),
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'x-request-id': expect.any(String),
      });
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});
