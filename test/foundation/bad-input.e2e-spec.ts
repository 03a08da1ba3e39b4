import { Level, Service } from '@app/domain';
import { TestContext } from '../setup/test-context';

/** Every bad request gets its 4xx naming the field, and changes nothing anywhere. */
describe('bad input', () => {
  let ctx: TestContext;
  const tables = ['region', 'ccg', 'practice', 'list_size', 'status_event', 'status_span'];

  beforeAll(async () => {
    ctx = await TestContext.create();
    const { id } = await ctx.factories.practice({ code: 'A81001', openedOn: '2005-03-01', listSize: 5000 });
    await ctx.factories.statusEvent(id, Service.Records, Level.Capable, '2014-01-01');
    await ctx.factories.practice({ code: 'A81003', openedOn: '2005-03-01', closedOn: '2014-08-15' });
  });
  afterAll(() => ctx.close());

  async function snapshot(): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const t of tables) out[t] = await ctx.db.query(`SELECT * FROM ${t} ORDER BY 1, 2`);
    return out;
  }

  const good = { service: 'records', level: 'enabled', effectiveDate: '2014-09-30' };
  const cases: [string, 'post' | 'patch' | 'get', string, unknown, number, string | undefined][] = [
    [
      'status: impossible date',
      'post',
      '/practices/A81001/status',
      { ...good, effectiveDate: '2014-02-30' },
      400,
      'effectiveDate',
    ],
    [
      'status: date with time',
      'post',
      '/practices/A81001/status',
      { ...good, effectiveDate: '2014-09-30T10:00:00Z' },
      400,
      'effectiveDate',
    ],
    [
      'status: number as date',
      'post',
      '/practices/A81001/status',
      { ...good, effectiveDate: 20140930 },
      400,
      'effectiveDate',
    ],
    [
      'status: future date',
      'post',
      '/practices/A81001/status',
      { ...good, effectiveDate: '2999-01-01' },
      400,
      'effectiveDate',
    ],
    [
      'status: before opening',
      'post',
      '/practices/A81001/status',
      { ...good, effectiveDate: '2005-02-28' },
      400,
      'effectiveDate',
    ],
    ['status: unknown level', 'post', '/practices/A81001/status', { ...good, level: 'on' }, 400, 'level'],
    ['status: POMI number as level', 'post', '/practices/A81001/status', { ...good, level: 2 }, 400, 'level'],
    ['status: unknown service', 'post', '/practices/A81001/status', { ...good, service: 'video' }, 400, 'service'],
    [
      'status: missing service',
      'post',
      '/practices/A81001/status',
      { level: 'enabled', effectiveDate: '2014-09-30' },
      400,
      'service',
    ],
    ['status: unknown field', 'post', '/practices/A81001/status', { ...good, recordedBy: 7 }, 400, 'recordedBy'],
    ['status: note too long', 'post', '/practices/A81001/status', { ...good, note: 'x'.repeat(2001) }, 400, 'note'],
    ['status: bad code in path', 'post', '/practices/A8100/status', good, 400, 'code'],
    ['status: unknown practice', 'post', '/practices/Z99999/status', good, 404, undefined],
    ['status: array body', 'post', '/practices/A81001/status', [good], 400, undefined],
    [
      'list size: negative',
      'post',
      '/practices/A81001/list-sizes',
      { patients: -1, effectiveDate: '2014-04-01' },
      400,
      'patients',
    ],
    [
      'list size: too many',
      'post',
      '/practices/A81001/list-sizes',
      { patients: 2_000_001, effectiveDate: '2014-04-01' },
      400,
      'patients',
    ],
    [
      'list size: fraction',
      'post',
      '/practices/A81001/list-sizes',
      { patients: 10.5, effectiveDate: '2014-04-01' },
      400,
      'patients',
    ],
    [
      'list size: text',
      'post',
      '/practices/A81001/list-sizes',
      { patients: '5000', effectiveDate: '2014-04-01' },
      400,
      'patients',
    ],
    [
      'list size: bad date',
      'post',
      '/practices/A81001/list-sizes',
      { patients: 5000, effectiveDate: '2014-04-31' },
      400,
      'effectiveDate',
    ],
    ['practice: bad code', 'post', '/practices', { code: 'A8100X', name: 'X', ccgCode: '00M' }, 400, 'code'],
    ['practice: too short code', 'post', '/practices', { code: '81001', name: 'X', ccgCode: '00M' }, 400, 'code'],
    ['practice: unknown CCG', 'post', '/practices', { code: 'A81002', name: 'X', ccgCode: '99Z' }, 400, 'ccgCode'],
    ['practice: bad CCG code', 'post', '/practices', { code: 'A81002', name: 'X', ccgCode: '00MM' }, 400, 'ccgCode'],
    ['practice: empty name', 'post', '/practices', { code: 'A81002', name: '  ', ccgCode: '00M' }, 400, 'name'],
    [
      'practice: unknown system',
      'post',
      '/practices',
      { code: 'A81002', name: 'X', ccgCode: '00M', clinicalSystem: 'VISION' },
      400,
      'clinicalSystem',
    ],
    [
      'practice: closed before opened',
      'post',
      '/practices',
      { code: 'A81002', name: 'X', ccgCode: '00M', openedOn: '2010-01-01', closedOn: '2009-01-01' },
      400,
      'closedOn',
    ],
    [
      'practice: bad postcode',
      'post',
      '/practices',
      { code: 'A81002', name: 'X', ccgCode: '00M', postcode: 'NOT A POSTCODE' },
      400,
      'postcode',
    ],
    ['practice: duplicate', 'post', '/practices', { code: 'A81001', name: 'X', ccgCode: '00M' }, 409, undefined],
    ['update: null name', 'patch', '/practices/A81001', { name: null }, 400, 'name'],
    // A PATCH may send one of the two dates: the problem names the one sent.
    ['update: closing on the opening day', 'patch', '/practices/A81001', { closedOn: '2005-03-01' }, 400, 'closedOn'],
    ['update: opening on the closing day', 'patch', '/practices/A81003', { openedOn: '2014-08-15' }, 400, 'openedOn'],
    ['update: opening after history', 'patch', '/practices/A81001', { openedOn: '2014-06-01' }, 400, 'openedOn'],
    ['update: code is not editable', 'patch', '/practices/A81001', { code: 'A81009' }, 400, 'code'],
    ['update: stale version', 'patch', '/practices/A81001', { name: 'Y', version: 99 }, 409, 'version'],
    // Names Nest and class-transformer would drop silently (the write going ahead): refused like any unknown field.
    [
      'practice: a field named constructor',
      'post',
      '/practices',
      { code: 'A81002', name: 'X', ccgCode: '00M', constructor: 'x' },
      400,
      'constructor',
    ],
    [
      'practice: a field named __proto__',
      'post',
      '/practices',
      JSON.parse('{"code": "A81002", "name": "X", "ccgCode": "00M", "__proto__": {"version": 7}}'),
      400,
      '__proto__',
    ],
    [
      'practice: a constructor with a prototype',
      'post',
      '/practices',
      JSON.parse('{"code": "A81002", "name": "X", "ccgCode": "00M", "constructor": {"prototype": {}}}'),
      400,
      'constructor',
    ],
    [
      'update: a field named constructor',
      'patch',
      '/practices/A81001',
      { name: 'Y', constructor: 'x' },
      400,
      'constructor',
    ],
    ['update: a field named prototype', 'patch', '/practices/A81001', { name: 'Y', prototype: {} }, 400, 'prototype'],
    ['update: a field named toString', 'patch', '/practices/A81001', { name: 'Y', toString: 'x' }, 400, 'toString'],
    [
      'status: a field named hasOwnProperty',
      'post',
      '/practices/A81001/status',
      { ...good, hasOwnProperty: 1 },
      400,
      'hasOwnProperty',
    ],
    ['list: a query field named constructor', 'get', '/practices?constructor=x', undefined, 400, 'constructor'],
    ['list: a query field named __proto__', 'get', '/practices?__proto__=x', undefined, 400, '__proto__'],
    ['region: bad code', 'post', '/regions', { code: 'North', name: 'North' }, 400, 'code'],
    ['ccg: unknown region', 'post', '/ccgs', { code: '01A', name: 'X', regionCode: 'Y99' }, 400, 'regionCode'],
    ['list: unknown sort', 'get', '/practices?sort=password', undefined, 400, 'sort'],
    ['list: page zero', 'get', '/practices?page=0', undefined, 400, 'page'],
    ['list: huge page size', 'get', '/practices?pageSize=100000', undefined, 400, 'pageSize'],
    ['list: unknown level', 'get', '/practices?service=records&level=maybe', undefined, 400, 'level'],
    ['list: nested query object', 'get', '/practices?q[a]=1', undefined, 400, 'q[a]'],
    // Text no column or validator can take, and nesting that would overflow the validation's recursion.
    ['region: NUL in a name', 'post', '/regions', { code: 'X12', name: 'a\u0000b' }, 400, 'name'],
    ['region: lone surrogate in a name', 'post', '/regions', { code: 'X11', name: 'a\ud800b' }, 400, 'name'],
    ['status: NUL in a note', 'post', '/practices/A81001/status', { ...good, note: 'x\u0000' }, 400, 'note'],
    ['list: NUL in the search', 'get', '/practices?q=%00', undefined, 400, 'q'],
    [
      'status: deeply nested body',
      'post',
      '/practices/A81001/status',
      { ...good, note: JSON.parse('['.repeat(3000) + ']'.repeat(3000)) },
      400,
      'note',
    ],
    [
      'figures: knownAt on a day that does not exist',
      'get',
      '/reports/summary?asOf=2014-09-30&knownAt=2014-02-30T00:00:00Z',
      undefined,
      400,
      'knownAt',
    ],
    [
      'figures: knownAt offset beyond ±15:59',
      'get',
      '/reports/summary?asOf=2014-09-30&knownAt=2014-10-01T10:00:00%2B16:00',
      undefined,
      400,
      'knownAt',
    ],
    ['audit: a week date', 'get', '/audit?from=2014-W01', undefined, 400, 'from'],
    ['audit: an hour alone', 'get', '/audit?to=2014-10-01T10', undefined, 400, 'to'],
    ['follow-up: an id in another notation', 'get', '/follow-ups/0x10', undefined, 400, 'id'],
    ['user: an id with a sign', 'get', '/users/+1', undefined, 400, 'id'],
    ['import run: id not a number', 'get', '/imports/abc', undefined, 400, 'id'],
    [
      'status: deeply nested array body',
      'post',
      '/practices/A81001/status',
      JSON.parse('['.repeat(3000) + ']'.repeat(3000)),
      400,
      'body',
    ],
  ];

  it.each(cases)('%s → %i', async (_name, verb, path, body, status, field) => {
    const before = await snapshot();
    const req = ctx.api()[verb](path);
    const res = body === undefined ? await req : await req.send(body as object);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({
      status,
      error: expect.any(String),
      message: expect.any(String),
      problems: expect.any(Array),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+|QueryFailedError|stack/);
    if (field) expect(res.body.problems.map((p: { field: string }) => p.field)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it('signing in with an address that is not Unicode text is a 400 naming email, not a crash', async () => {
    for (const email of ['\udfff', 'a\ud800b@example.nhs.uk']) {
      const res = await ctx
        .api('anonymous')
        .post('/auth/login')
        .send({ email, password: 'x'.repeat(12) });
      expect([res.status, res.body.problems]).toEqual([
        400,
        [{ field: 'email', message: 'email is not valid Unicode text (a lone surrogate)' }],
      ]);
    }
  });

  it('answers a URL with a malformed percent-encoding with a 400 in the same shape', async () => {
    const res = await ctx.api().get('/practices/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400, error: 'bad_request', problems: [], requestId: expect.any(String) });
  });

  it('answers a path too long to route with a 414 labelled as such, in the same shape', async () => {
    const res = await ctx.api().get(`/users/${'9'.repeat(400)}`);
    expect(res.body).toMatchObject({ status: 414, error: 'uri_too_long', problems: [], requestId: expect.any(String) });
  });

  it('refuses a form body field named __proto__ or constructor like a JSON one', async () => {
    const before = await snapshot();
    for (const field of ['__proto__', 'constructor']) {
      const res = await ctx.api().post('/practices').type('form').send(`code=A81002&name=X&ccgCode=00M&${field}=x`);
      expect([res.status, res.body.problems]).toEqual([
        400,
        [{ field, message: `property ${field} should not exist` }],
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers malformed JSON with a 400 in the same shape', async () => {
    const res = await ctx
      .api()
      .post('/practices/A81001/status')
      .set('Content-Type', 'application/json')
      .send('{"service": "records",');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      status: 400,
      message: 'The request body is not valid JSON',
      problems: [],
      requestId: expect.any(String),
    });
  });

  // Bodies the HTTP layer refuses before any route runs (Fastify's content parsers): same shape, no change.
  it.each([
    ['a body of a type the API does not read', 'application/xml', '<status/>', 415],
    ['a text body', 'text/plain', 'service=records', 400],
    ['an empty JSON body', 'application/json', '', 400],
    [
      'a JSON body over 100 KB',
      'application/json',
      JSON.stringify({ service: 'records', level: 'enabled', effectiveDate: '2014-01-01', note: 'x'.repeat(200_000) }),
      413,
    ],
  ])('answers %s (sent as %s) in the error shape, changing nothing', async (_name, type, body, status) => {
    const before = await snapshot();
    const res = await ctx.api().post('/practices/A81001/status').set('Content-Type', type).send(body);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({
      status,
      error: expect.any(String),
      message: expect.any(String),
      problems: expect.any(Array),
      requestId: expect.any(String),
    });
    expect(await snapshot()).toEqual(before);
  });
});
