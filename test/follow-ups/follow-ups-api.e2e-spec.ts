import { Level, Role, Service } from '@app/domain';
import { actorHeader, withTestActors } from '../setup/test-actor';
import { TestContext } from '../setup/test-context';
import { WorkerContext } from '../setup/worker-context';
import { followUpsOf, MONDAY, recordLevel, setNow } from './helpers';

type Header = [string, string];

describe('follow-ups API', () => {
  let ctx: TestContext;
  let worker: WorkerContext;
  // Real users (owners and recorders reference app_user), each acting through the test-actor header.
  const userIds = { northSupport: 0, southSupport: 0, anywhereSupport: 0, manager: 0, admin: 0, leaver: 0 };
  let northSupport: Header, southSupport: Header, anywhereSupport: Header, manager: Header, admin: Header;

  beforeAll(async () => {
    ctx = await TestContext.create(withTestActors);
    worker = await WorkerContext.start(ctx.config, { OUTBOX_POLL_MS: 0 });
    setNow(MONDAY, ctx, worker);
    const make = async (role: Role, regionCode: string | null, active = true) =>
      (await ctx.factories.user({ role, regionCode, active })).id;
    userIds.northSupport = await make(Role.Support, 'Y54');
    userIds.southSupport = await make(Role.Support, 'Y55');
    userIds.anywhereSupport = await make(Role.Support, null);
    userIds.manager = await make(Role.Manager, 'Y54');
    userIds.admin = await make(Role.Admin, null);
    userIds.leaver = await make(Role.Support, 'Y54', false);
    northSupport = actorHeader({ userId: userIds.northSupport, role: Role.Support, regionCode: 'Y54' });
    southSupport = actorHeader({ userId: userIds.southSupport, role: Role.Support, regionCode: 'Y55' });
    anywhereSupport = actorHeader({ userId: userIds.anywhereSupport, role: Role.Support, regionCode: null });
    manager = actorHeader({ userId: userIds.manager, role: Role.Manager, regionCode: 'Y54' });
    admin = actorHeader({ userId: userIds.admin, role: Role.Admin, regionCode: null });
  });
  afterAll(async () => {
    await worker.close();
    await ctx.close();
  });

  /** A practice (in Y54 unless said) missing records, with its follow-up opened by the rule. */
  async function followUpFor(
    opts: { regionCode?: string; missing?: Service[] } = {},
  ): Promise<{ id: number; code: string; practiceId: number }> {
    const regionCode = opts.regionCode ?? 'Y54';
    const practice = await ctx.factories.practice({ regionCode, ccgCode: regionCode === 'Y54' ? '00M' : '00N' });
    for (const s of [Service.Appointments, Service.Prescriptions, Service.Records]) {
      await recordLevel(
        ctx,
        practice.code,
        s,
        (opts.missing ?? [Service.Records]).includes(s) ? Level.Capable : Level.Enabled,
      );
    }
    await worker.settle();
    const [f] = await followUpsOf(ctx, practice.id);
    return { id: f.id, code: practice.code, practiceId: practice.id };
  }

  it('shows one follow-up with its practice, services not offered, contacts and barriers', async () => {
    const f = await followUpFor({ missing: [Service.Prescriptions, Service.Records] });
    const res = await ctx
      .api()
      .get(`/follow-ups/${f.id}`)
      .set(...manager)
      .expect(200);
    expect(res.body).toMatchObject({
      id: f.id,
      practice: { code: f.code, ccgCode: '00M', regionCode: 'Y54' },
      servicesNotOffered: ['prescriptions', 'records'],
      ownerId: null,
      dueDate: '2014-10-20',
      overdue: false,
      state: 'open',
      contacts: [],
      barriers: [],
      barrierCount: 0,
      lastContactAt: null,
    });
    await ctx.api().get('/follow-ups/999999').expect(404);
    expect((await ctx.api().get('/follow-ups/0').expect(400)).body.problems[0].field).toBe('id');
  });

  it('records contacts (open becomes contacted) and keeps their history, newest first', async () => {
    const f = await followUpFor();
    await ctx
      .api()
      .post(`/follow-ups/${f.id}/contacts`)
      .set(...northSupport)
      .send({ method: 'phone', outcome: 'No answer', contactedAt: '2014-10-03T10:00:00Z' })
      .expect(200);
    const res = await ctx
      .api()
      .post(`/follow-ups/${f.id}/contacts`)
      .set(...northSupport)
      .send({ method: 'email', outcome: '  Spoke to the practice manager  ' })
      .expect(200);
    expect(res.body.state).toBe('contacted');
    expect(
      res.body.contacts.map((c: { method: string; outcome: string; recordedBy: number }) => [
        c.method,
        c.outcome,
        c.recordedBy,
      ]),
    ).toEqual([
      ['email', 'Spoke to the practice manager', userIds.northSupport],
      ['phone', 'No answer', userIds.northSupport],
    ]);
    expect(res.body.lastContactAt).toMatch(/^2014-10-06T08:0/); // the Clock's now (it keeps ticking from MONDAY)

    const future = await ctx
      .api()
      .post(`/follow-ups/${f.id}/contacts`)
      .send({ method: 'visit', outcome: 'x', contactedAt: '2014-10-07T10:00:00Z' })
      .expect(400);
    expect(future.body.problems).toEqual([{ field: 'contactedAt', message: expect.stringMatching(/in the future/) }]);
    const bad = await ctx
      .api()
      .post(`/follow-ups/${f.id}/contacts`)
      .send({ method: 'pigeon', outcome: '' })
      .expect(400);
    expect(bad.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['method', 'outcome']);
  });

  it('records barriers (detail required for other; only services not offered): barriers_recorded', async () => {
    const f = await followUpFor({ missing: [Service.Appointments, Service.Records] });
    const noDetail = await ctx
      .api()
      .post(`/follow-ups/${f.id}/barriers`)
      .send({ barriers: [{ service: 'records', category: 'other' }] })
      .expect(400);
    expect(noDetail.body.problems).toEqual([
      { field: 'barriers.0.detail', message: 'detail is required when category is other' },
    ]);
    const blank = await ctx
      .api()
      .post(`/follow-ups/${f.id}/barriers`)
      .send({ barriers: [{ service: 'records', category: 'other', detail: '  ' }] })
      .expect(400);
    expect(blank.body.problems).toEqual([
      { field: 'barriers.0.detail', message: 'detail is required when category is other' },
    ]);
    const long = await ctx
      .api()
      .post(`/follow-ups/${f.id}/barriers`)
      .send({ barriers: [{ service: 'records', category: 'staff_capacity', detail: 'x'.repeat(2001) }] })
      .expect(400);
    expect(long.body.problems).toEqual([
      { field: 'barriers.0.detail', message: 'detail must be text of at most 2000 characters' },
    ]);
    const wrongService = await ctx
      .api()
      .post(`/follow-ups/${f.id}/barriers`)
      .send({ barriers: [{ service: 'prescriptions', category: 'staff_capacity' }] })
      .expect(400);
    expect(wrongService.body.problems[0].field).toBe('barriers.0.service');
    await ctx
      .api()
      .post(`/follow-ups/${f.id}/barriers`)
      .send({ barriers: [{ service: 'records', category: 'made_up' }] })
      .expect(400);
    await ctx.api().post(`/follow-ups/${f.id}/barriers`).send({ barriers: [] }).expect(400);
    const notObjects = await ctx
      .api()
      .post(`/follow-ups/${f.id}/barriers`)
      .send({ barriers: [[], 'records'] })
      .expect(400);
    expect(notObjects.body.problems.map((p: { field: string }) => p.field)).toContain('barriers');
    // Deep in a body, a name the whitelist never sees is refused like any unknown field.
    for (const field of ['constructor', '__proto__', 'toString']) {
      const nested = await ctx
        .api()
        .post(`/follow-ups/${f.id}/barriers`)
        .set('Content-Type', 'application/json')
        .send(`{"barriers": [{"service": "records", "category": "staff_capacity", "${field}": {"prototype": {}}}]}`)
        .expect(400);
      expect(nested.body.problems).toEqual([
        { field: `barriers.0.${field}`, message: `property ${field} should not exist` },
      ]);
    }
    expect((await ctx.api().get(`/follow-ups/${f.id}`).expect(200)).body.barrierCount).toBe(0);

    const res = await ctx
      .api()
      .post(`/follow-ups/${f.id}/barriers`)
      .set(...northSupport)
      .send({
        barriers: [
          { service: 'records', category: 'record_redaction' },
          { service: 'appointments', category: 'other', detail: 'Waiting for a new phone system' },
        ],
      })
      .expect(200);
    expect(res.body.state).toBe('barriers_recorded');
    expect(res.body.barrierCount).toBe(2);
    expect(
      res.body.barriers
        .map((b: { service: string; category: string; detail: string | null }) => [b.service, b.category, b.detail])
        .sort(),
    ).toEqual([
      ['appointments', 'other', 'Waiting for a new phone system'],
      ['records', 'record_redaction', null],
    ]);
  });

  it('sets due dates (not in the past) and owners (or none)', async () => {
    const f = await followUpFor();
    expect(
      (await ctx.api().put(`/follow-ups/${f.id}/due-date`).send({ dueDate: '2014-10-05' }).expect(400)).body.problems[0]
        .field,
    ).toBe('dueDate');
    expect(
      (await ctx.api().put(`/follow-ups/${f.id}/due-date`).send({ dueDate: '2014-02-30' }).expect(400)).body.problems[0]
        .field,
    ).toBe('dueDate');
    expect(
      (await ctx.api().put(`/follow-ups/${f.id}/due-date`).send({ dueDate: '2014-10-06' }).expect(200)).body,
    ).toMatchObject({ dueDate: '2014-10-06', overdue: false });
    expect(
      (await ctx.api().put(`/follow-ups/${f.id}/owner`).send({ ownerId: userIds.northSupport }).expect(200)).body
        .ownerId,
    ).toBe(userIds.northSupport);
    expect(
      (await ctx.api().put(`/follow-ups/${f.id}/owner`).send({ ownerId: null }).expect(200)).body.ownerId,
    ).toBeNull();
    expect(
      (await ctx.api().put(`/follow-ups/${f.id}/owner`).send({ ownerId: 'bob' }).expect(400)).body.problems[0].field,
    ).toBe('ownerId');
    expect((await ctx.api().put(`/follow-ups/${f.id}/owner`).send({}).expect(400)).body.problems[0].field).toBe(
      'ownerId',
    );
  });

  it('lists its changes of due date and owner, newest first, with who made them and the owners’ names', async () => {
    const f = await followUpFor();
    const opened = (await ctx.api().get(`/follow-ups/${f.id}`).expect(200)).body;
    expect(opened.changes).toEqual([]);
    const put = (path: string, as: Header, body: object) =>
      ctx
        .api()
        .put(`/follow-ups/${f.id}/${path}`)
        .set(...as)
        .send(body)
        .expect(200);
    await put('due-date', northSupport, { dueDate: '2014-10-27' });
    await put('owner', admin, { ownerId: userIds.northSupport });
    await put('owner', northSupport, { ownerId: null });
    await put('due-date', northSupport, { dueDate: '2014-10-27' }); // no change: no entry
    const nameOf = async (id: number) => (await ctx.api().get(`/users/${id}`).expect(200)).body.name as string;
    const [north, boss] = [await nameOf(userIds.northSupport), await nameOf(userIds.admin)];

    const { changes } = (await ctx.api(Role.Manager).get(`/follow-ups/${f.id}`).expect(200)).body;
    expect(changes.map(({ at: _at, ...rest }: { at: string }) => rest)).toEqual([
      { field: 'owner', from: north, to: null, by: userIds.northSupport, byName: north },
      { field: 'owner', from: null, to: north, by: userIds.admin, byName: boss },
      { field: 'dueDate', from: opened.dueDate, to: '2014-10-27', by: userIds.northSupport, byName: north },
    ]);
    expect(changes.every((c: { at: string }) => !Number.isNaN(Date.parse(c.at)))).toBe(true);
  });

  it('audits every write with who made it; a write that changes nothing leaves no entry', async () => {
    const f = await followUpFor({ missing: [Service.Records] });
    const as = northSupport;
    await ctx
      .api()
      .post(`/follow-ups/${f.id}/contacts`)
      .set(...as)
      .send({ method: 'phone', outcome: 'Left a message' })
      .expect(200);
    await ctx
      .api()
      .post(`/follow-ups/${f.id}/barriers`)
      .set(...as)
      .send({ barriers: [{ service: 'records', category: 'staff_capacity' }] })
      .expect(200);
    await ctx
      .api()
      .put(`/follow-ups/${f.id}/due-date`)
      .set(...as)
      .send({ dueDate: '2014-10-31' })
      .expect(200);
    await ctx
      .api()
      .put(`/follow-ups/${f.id}/due-date`)
      .set(...as)
      .send({ dueDate: '2014-10-31' })
      .expect(200);
    await ctx
      .api()
      .put(`/follow-ups/${f.id}/owner`)
      .set(...as)
      .send({ ownerId: userIds.northSupport })
      .expect(200);
    await ctx
      .api()
      .put(`/follow-ups/${f.id}/owner`)
      .set(...as)
      .send({ ownerId: userIds.northSupport })
      .expect(200);
    await ctx
      .api()
      .put(`/follow-ups/${f.id}/owner`)
      .set(...as)
      .send({ ownerId: userIds.southSupport })
      .expect(400);
    await ctx
      .api()
      .post(`/follow-ups/${f.id}/resolve`)
      .set(...as)
      .send({ reason: 'Records go live next week' })
      .expect(200);
    const entries = await ctx.db.query(
      `SELECT user_id AS "userId", action, details FROM audit_entry WHERE entity_type = 'follow_up' AND entity_id = $1
       ORDER BY id`,
      [String(f.id)],
    );
    const practiceId = f.practiceId;
    expect(entries).toEqual([
      {
        userId: userIds.northSupport,
        action: 'follow_up.contact',
        details: { practiceId, method: 'phone', contactedAt: expect.any(String) },
      },
      {
        userId: userIds.northSupport,
        action: 'follow_up.barriers',
        details: { practiceId, barriers: [{ service: 'records', category: 'staff_capacity' }] },
      },
      {
        userId: userIds.northSupport,
        action: 'follow_up.due_date',
        details: { practiceId, changes: { dueDate: { from: '2014-10-20', to: '2014-10-31' } } },
      },
      {
        userId: userIds.northSupport,
        action: 'follow_up.owner',
        details: { practiceId, changes: { ownerId: { from: null, to: userIds.northSupport } } },
      },
      {
        userId: userIds.northSupport,
        action: 'follow_up.resolve',
        details: { practiceId, reason: 'Records go live next week' },
      },
    ]);
  });

  it('gives a follow-up only to an active admin or support user who may write in its region', async () => {
    const f = await followUpFor({ regionCode: 'Y54' });
    await ctx.api().put(`/follow-ups/${f.id}/owner`).send({ ownerId: userIds.northSupport }).expect(200);
    const refused = async (ownerId: number) => {
      const res = await ctx.api().put(`/follow-ups/${f.id}/owner`).send({ ownerId }).expect(400);
      expect(res.body.problems).toEqual([{ field: 'ownerId', message: expect.any(String) }]);
      return res.body.problems[0].message as string;
    };
    expect(await refused(999_999)).toBe('there is no user 999999');
    expect(await refused(2_147_483_648)).toMatch(/ownerId/);
    expect(await refused(userIds.leaver)).toMatch(/is deactivated$/);
    expect(await refused(userIds.manager)).toMatch(/is a manager: follow-ups are owned by support staff or admins$/);
    expect(await refused(userIds.southSupport)).toMatch(
      /works in region Y55 only; this follow-up's practice is in Y54$/,
    );
    // Refusals changed nothing; the others may own it.
    expect((await ctx.api().get(`/follow-ups/${f.id}`).expect(200)).body.ownerId).toBe(userIds.northSupport);
    for (const ownerId of [userIds.anywhereSupport, userIds.admin]) {
      expect((await ctx.api().put(`/follow-ups/${f.id}/owner`).send({ ownerId }).expect(200)).body.ownerId).toBe(
        ownerId,
      );
    }
  });

  it('offers as owners exactly whom it accepts: active admins, support staff of the region or of none', async () => {
    const f = await followUpFor({ regionCode: 'Y54' });
    const res = await ctx
      .api()
      .get(`/follow-ups/${f.id}/owners`)
      .set(...northSupport)
      .expect(200);
    const ids = res.body.items.map((o: { id: number }) => o.id);
    expect(ids).toEqual(expect.arrayContaining([userIds.northSupport, userIds.anywhereSupport, userIds.admin]));
    for (const refused of [userIds.southSupport, userIds.manager, userIds.leaver]) expect(ids).not.toContain(refused);
    expect(res.body.items.find((o: { id: number }) => o.id === userIds.northSupport)).toEqual({
      id: userIds.northSupport,
      name: expect.any(String),
      role: 'support',
      regionCode: 'Y54',
    });
    // Every one offered is accepted, and the follow-up then names its owner.
    for (const { id } of res.body.items as { id: number }[])
      await ctx.api().put(`/follow-ups/${f.id}/owner`).send({ ownerId: id }).expect(200);
    const shown = await ctx.api().get(`/follow-ups/${f.id}`).expect(200);
    expect(shown.body.ownerName).toBe(res.body.items.at(-1).name);
    // Nobody again: later tests count who owns what.
    await ctx.api().put(`/follow-ups/${f.id}/owner`).send({ ownerId: null }).expect(200);

    await ctx
      .api()
      .get(`/follow-ups/${f.id}/owners`)
      .set(...manager)
      .expect(403);
    await ctx.api().get('/follow-ups/999999/owners').expect(404);
  });

  it('names the people in a follow-up: owner, recorders and who closed it', async () => {
    const f = await followUpFor();
    const [me] = await ctx.db.query(`SELECT name FROM app_user WHERE id = $1`, [userIds.northSupport]);
    const write = (path: string, body: object) =>
      ctx
        .api()
        .post(`/follow-ups/${f.id}/${path}`)
        .set(...northSupport)
        .send(body)
        .expect(200);
    await write('contacts', { method: 'email', outcome: 'Asked about records' });
    await write('barriers', { barriers: [{ service: 'records', category: 'staff_capacity' }] });
    const closed = (await write('resolve', { reason: 'Records go live' })).body;
    expect(closed).toMatchObject({
      ownerName: null,
      closedByName: me.name,
      contacts: [{ recordedByName: me.name }],
      barriers: [{ recordedByName: me.name }],
    });
  });

  it('resolves or cancels with a reason; a closed follow-up no longer changes; the rule opens a new one', async () => {
    const f = await followUpFor();
    expect(
      (await ctx.api().post(`/follow-ups/${f.id}/cancel`).send({ reason: ' ' }).expect(400)).body.problems[0].field,
    ).toBe('reason');
    // No body at all, JSON type or not: the missing reason is named.
    const empty = await ctx
      .api()
      .post(`/follow-ups/${f.id}/cancel`)
      .set('Content-Type', 'application/json')
      .send('')
      .expect(400);
    expect(new Set(empty.body.problems.map((p: { field: string }) => p.field))).toEqual(new Set(['reason']));
    const cancelled = await ctx
      .api()
      .post(`/follow-ups/${f.id}/cancel`)
      .set(...northSupport)
      .send({ reason: 'Opened by mistake' })
      .expect(200);
    expect(cancelled.body).toMatchObject({
      state: 'cancelled',
      closeNote: 'Opened by mistake',
      closedBy: userIds.northSupport,
    });
    await ctx.api().post(`/follow-ups/${f.id}/contacts`).send({ method: 'phone', outcome: 'x' }).expect(409);
    await ctx.api().post(`/follow-ups/${f.id}/resolve`).send({ reason: 'x' }).expect(409);

    await worker.settle();
    const all = await followUpsOf(ctx, f.practiceId);
    expect(all.map((x) => x.state)).toEqual(['cancelled', 'open']);
    const resolved = await ctx
      .api()
      .post(`/follow-ups/${all[1].id}/resolve`)
      .send({ reason: 'Practice will enable records next week' })
      .expect(200);
    expect(resolved.body.state).toBe('resolved');
  });

  it('lets support staff write only in their region; managers only read', async () => {
    const north = await followUpFor({ regionCode: 'Y54' });
    const contact = { method: 'phone', outcome: 'Left a message' };
    await ctx
      .api()
      .post(`/follow-ups/${north.id}/contacts`)
      .set(...southSupport)
      .send(contact)
      .expect(403);
    await ctx
      .api()
      .post(`/follow-ups/${north.id}/contacts`)
      .set(...manager)
      .send(contact)
      .expect(403);
    await ctx
      .api()
      .put(`/follow-ups/${north.id}/owner`)
      .set(...manager)
      .send({ ownerId: userIds.manager })
      .expect(403);
    await ctx
      .api()
      .post(`/follow-ups/${north.id}/contacts`)
      .set(...anywhereSupport)
      .send(contact)
      .expect(200);
    await ctx
      .api()
      .post(`/follow-ups/${north.id}/contacts`)
      .set(...admin)
      .send(contact)
      .expect(200);
    await ctx
      .api()
      .post(`/follow-ups/${north.id}/contacts`)
      .set(...northSupport)
      .send(contact)
      .expect(200);
    for (const who of [manager, southSupport])
      await ctx
        .api()
        .get(`/follow-ups/${north.id}`)
        .set(...who)
        .expect(200);
    expect((await followUpsOf(ctx, north.practiceId))[0].state).toBe('contacted');
  });

  it('lists by state, region, owner, mine, due and overdue, paginated', async () => {
    const south = await followUpFor({ regionCode: 'Y55' });
    const mine = await followUpFor();
    const overdue = await followUpFor();
    await ctx.api().put(`/follow-ups/${mine.id}/owner`).send({ ownerId: userIds.anywhereSupport }).expect(200);
    await ctx.api().put(`/follow-ups/${south.id}/owner`).send({ ownerId: userIds.anywhereSupport }).expect(200);
    await ctx.db.query(`UPDATE follow_up SET due_date = '2014-10-01' WHERE id = $1`, [overdue.id]);

    const ids = async (query: string, who = manager) =>
      (
        await ctx
          .api()
          .get(`/follow-ups${query}`)
          .set(...who)
          .expect(200)
      ).body.items.map((f: { id: number }) => f.id);
    expect(await ids('?regionCode=Y55')).toEqual([south.id]);
    expect(await ids('?mine=true', anywhereSupport)).toEqual([south.id, mine.id]);
    expect(await ids(`?ownerId=${userIds.anywhereSupport}&regionCode=Y54`)).toEqual([mine.id]);
    expect(await ids('?due=overdue')).toEqual([overdue.id]);
    expect(await ids(`?practiceCode=${overdue.code.toLowerCase()}`)).toEqual([overdue.id]);
    expect((await ids('?state=cancelled')).length).toBe(1);
    const notOffering = async (service: string) => ids(`?state=all&notOffered=${service}&pageSize=100`);
    expect(await notOffering('records')).toEqual(expect.arrayContaining([south.id, mine.id, overdue.id]));
    expect(await notOffering('appointments')).not.toContain(mine.id);
    expect(await ids('?state=all&unassigned=false')).toEqual(expect.arrayContaining([south.id, mine.id]));

    const page = await ctx.api().get('/follow-ups?pageSize=2&page=2').expect(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    const active = (
      await ctx.db.query(
        `SELECT count(*)::int AS n FROM follow_up WHERE state IN ('open', 'contacted', 'barriers_recorded')`,
      )
    )[0].n;
    expect(page.body.total).toBe(active);

    const bad = await ctx
      .api()
      .get('/follow-ups?state=sleeping&mine=yes&due=soon&pageSize=0&notOffered=everything')
      .expect(400);
    expect(bad.body.problems.map((p: { field: string }) => p.field).sort()).toEqual([
      'due',
      'mine',
      'notOffered',
      'pageSize',
      'state',
    ]);
    await ctx.api('anonymous').get('/follow-ups?mine=true').expect(401);
  });

  it('describes its routes in OpenAPI', async () => {
    const spec = (await ctx.api('anonymous').get('/docs-json').expect(200)).body;
    for (const path of [
      '/api/v1/follow-ups',
      '/api/v1/follow-ups/{id}',
      '/api/v1/follow-ups/{id}/contacts',
      '/api/v1/follow-ups/{id}/barriers',
      '/api/v1/follow-ups/{id}/due-date',
      '/api/v1/follow-ups/{id}/owner',
      '/api/v1/follow-ups/{id}/owners',
      '/api/v1/follow-ups/{id}/resolve',
      '/api/v1/follow-ups/{id}/cancel',
      '/api/v1/reports/barriers',
      '/api/v1/me/reminders',
      '/api/v1/me/reminders/{id}/read',
      '/api/v1/me/reminders/read',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    expect(spec.components.schemas.BarrierInputDto.properties.category.enum).toContain('record_redaction');
  });
});
