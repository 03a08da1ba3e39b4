import { Role } from '@app/domain';
import { ImportsService } from '@app/imports';
import { TestContext } from '../setup/test-context';

interface Entry {
  userId: number | null;
  action: string;
  entityType: string;
  entityId: string;
  details: Record<string, unknown>;
}

describe('audit trail', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  const trail = async (query: string): Promise<Entry[]> =>
    (await ctx.api().get(`/audit?${query}`).expect(200)).body.items;
  const auditCount = async () => (await ctx.db.query(`SELECT count(*)::int AS n FROM audit_entry`))[0].n;

  it('records who made each write, what and to which entity', async () => {
    const admin = await ctx.user(Role.Admin);
    const support = await ctx.user({ role: Role.Support, regionCode: null });
    await ctx.api().post('/regions').send({ code: 'Y54', name: 'North of England' }).expect(201);
    await ctx
      .api()
      .post('/area-teams')
      .send({ code: 'Q72', name: 'Durham, Darlington and Tees', regionCode: 'Y54' })
      .expect(201);
    await ctx.api().post('/ccgs').send({ code: '00M', name: 'NHS South Tees CCG', regionCode: 'Y54' }).expect(201);
    await ctx
      .api(support)
      .post('/practices')
      .send({ code: 'A81001', name: 'The Densham Surgery', ccgCode: '00M', openedOn: '1974-04-01' })
      .expect(201);
    await ctx
      .api(support)
      .patch('/practices/A81001')
      .send({ name: 'Densham Surgery', postcode: 'TS18 1HU' })
      .expect(200);
    const event = await ctx
      .api(support)
      .post('/practices/A81001/status')
      .send({ service: 'appointments', level: 'enabled', effectiveDate: '2014-05-01', note: 'EMIS go-live' })
      .expect(201);
    await ctx
      .api(support)
      .post('/practices/A81001/list-sizes')
      .send({ patients: 4129, effectiveDate: '2014-04-01' })
      .expect(201);

    expect(await trail('entityType=region&entityId=Y54')).toEqual([
      expect.objectContaining({
        userId: admin.id,
        userEmail: admin.email,
        action: 'region.create',
        details: { name: 'North of England' },
      }),
    ]);
    expect((await trail('entityType=area_team'))[0]).toMatchObject({
      action: 'area_team.create',
      entityId: 'Q72',
      details: { regionCode: 'Y54' },
    });
    expect((await trail('entityType=ccg'))[0]).toMatchObject({
      action: 'ccg.create',
      entityId: '00M',
      details: { regionCode: 'Y54', areaTeamCode: null },
    });
    // Newest first: everything about the practice, whoever did it.
    expect(await trail('entityType=practice&entityId=A81001')).toEqual([
      expect.objectContaining({
        userId: support.id,
        action: 'list_size.record',
        details: { effectiveDate: '2014-04-01', patients: 4129 },
      }),
      expect.objectContaining({
        userId: support.id,
        action: 'status.record',
        details: {
          eventId: event.body.event.id,
          service: 'appointments',
          level: 'enabled',
          effectiveDate: '2014-05-01',
          note: 'EMIS go-live',
        },
      }),
      expect.objectContaining({
        userId: support.id,
        action: 'practice.update',
        details: {
          version: 2,
          changes: {
            name: { from: 'The Densham Surgery', to: 'Densham Surgery' },
            postcode: { from: null, to: 'TS18 1HU' },
          },
        },
      }),
      expect.objectContaining({
        userId: support.id,
        action: 'practice.create',
        details: {
          name: 'The Densham Surgery',
          postcode: null,
          ccgCode: '00M',
          clinicalSystem: 'UNKNOWN',
          openedOn: '1974-04-01',
          closedOn: null,
        },
      }),
    ]);
  });

  it('records changes to users, never a password', async () => {
    const admin = await ctx.user(Role.Admin);
    const created = (
      await ctx
        .api()
        .post('/users')
        .send({ email: 'kim@nhs.net', name: 'Kim', role: 'support', password: 'first password here' })
        .expect(201)
    ).body;
    await ctx.api().patch(`/users/${created.id}`).send({ role: 'manager' }).expect(200);
    await ctx.api().post(`/users/${created.id}/password`).send({ password: 'second password here' }).expect(200);
    const { accessToken } = (
      await ctx
        .api('anonymous')
        .post('/auth/login')
        .send({ email: 'kim@nhs.net', password: 'second password here' })
        .expect(200)
    ).body;
    await ctx
      .api('anonymous')
      .post('/me/password')
      .set('Authorization', `Bearer ${accessToken}`)
      .send({ currentPassword: 'second password here', newPassword: 'third password here' })
      .expect(200);
    await ctx.api().post(`/users/${created.id}/deactivate`).expect(200);
    // Deactivating again changes nothing, so records nothing.
    await ctx.api().post(`/users/${created.id}/deactivate`).expect(200);

    const entries = await trail(`entityType=user&entityId=${created.id}`);
    expect(entries.map((e) => [e.action, e.userId])).toEqual([
      ['user.deactivate', admin.id],
      ['user.password_change', created.id],
      ['user.password_reset', admin.id],
      ['user.update', admin.id],
      ['user.create', admin.id],
    ]);
    expect(entries[3].details).toEqual({ email: 'kim@nhs.net', changes: { role: { from: 'support', to: 'manager' } } });
    expect(entries[0].details).toEqual({ email: 'kim@nhs.net', changes: { active: { from: true, to: false } } });
    expect(JSON.stringify(entries)).not.toMatch(/password here|argon2/);
  });

  it('records one entry for an applied import: who, which file, what changed', async () => {
    const admin = await ctx.user(Role.Admin);
    const upload = await ctx
      .api()
      .post('/imports')
      .field('kind', 'regions')
      .attach('file', Buffer.from('code,name\r\nY58,South of England\r\n'), 'regions.csv')
      .expect(202);
    await ctx.app.get(ImportsService, { strict: false }).process(upload.body.id);
    expect(await trail(`entityType=import_run&entityId=${upload.body.id}`)).toEqual([
      expect.objectContaining({
        userId: admin.id,
        action: 'import.apply',
        details: {
          format: 'regions',
          fileName: 'regions.csv',
          changes: { regions: { added: 1, updated: 0, unchanged: 0 } },
        },
      }),
    ]);
  });

  it('records nothing for a refused or failed write', async () => {
    const before = await auditCount();
    await ctx.api(Role.Manager).post('/regions').send({ code: 'Y56', name: 'London' }).expect(403);
    await ctx.api().post('/regions').send({ code: 'Y54', name: 'Again' }).expect(409);
    await ctx
      .api()
      .post('/practices/A81001/status')
      .send({ service: 'records', level: 'enabled', effectiveDate: '2999-01-01' })
      .expect(400);
    await ctx.api().patch('/practices/A81001').send({ name: 'Stale', version: 1 }).expect(409);
    expect(await auditCount()).toBe(before);
  });

  describe('in the same transaction as the write', () => {
    // Each write, and how to tell whether it was stored.
    const writes: [string, string, () => Promise<{ status: number }>, () => Promise<number>][] = [
      [
        'region',
        'region',
        () => ctx.api().post('/regions').send({ code: 'Y62', name: 'Midlands' }),
        () => rows(`region WHERE code = 'Y62'`),
      ],
      [
        'practice',
        'practice',
        () => ctx.api().post('/practices').send({ code: 'A81005', name: 'New', ccgCode: '00M' }),
        () => rows(`practice WHERE code = 'A81005'`),
      ],
      [
        'practice edit',
        'practice',
        () => ctx.api().patch('/practices/A81001').send({ name: 'Edited Name' }),
        () => rows(`practice WHERE name = 'Edited Name'`),
      ],
      [
        'status',
        'status_event',
        () =>
          ctx
            .api()
            .post('/practices/A81001/status')
            .send({ service: 'records', level: 'capable', effectiveDate: '2014-06-01' }),
        () => rows(`status_event WHERE service = 'records'`),
      ],
      [
        'list size',
        'list_size',
        () => ctx.api().post('/practices/A81001/list-sizes').send({ patients: 5000, effectiveDate: '2014-07-01' }),
        () => rows(`list_size WHERE patients = 5000`),
      ],
      [
        'user',
        'app_user',
        () =>
          ctx
            .api()
            .post('/users')
            .send({ email: 'lee@nhs.net', name: 'Lee', role: 'manager', password: 'lee password 12' }),
        () => rows(`app_user WHERE email = 'lee@nhs.net'`),
      ],
    ];
    const rows = async (from: string) => (await ctx.db.query(`SELECT count(*)::int AS n FROM ${from}`))[0].n;

    beforeAll(async () => {
      await ctx.db.query(
        `CREATE FUNCTION test_refuse()
           RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`,
      );
    });

    it.each(writes)('a %s write that fails at commit leaves no audit entry', async (_name, table, write, stored) => {
      const before = await auditCount();
      // Fires at COMMIT, after the write and its audit entry were both inserted.
      await ctx.db.query(`CREATE CONSTRAINT TRIGGER test_refuse_at_commit AFTER INSERT OR UPDATE ON ${table}
                          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse()`);
      try {
        expect((await write()).status).toBe(500);
      } finally {
        await ctx.db.query(`DROP TRIGGER test_refuse_at_commit ON ${table}`);
      }
      expect(await stored()).toBe(0);
      expect(await auditCount()).toBe(before);
    });

    it.each(writes)('a %s write whose audit entry fails is not stored', async (_name, _table, write, stored) => {
      await ctx.db.query(
        `CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION test_refuse()`,
      );
      try {
        expect((await write()).status).toBe(500);
      } finally {
        await ctx.db.query(`DROP TRIGGER test_refuse_audit ON audit_entry`);
      }
      expect(await stored()).toBe(0);
    });
  });

  it('filters by user, action and time, and pages newest first', async () => {
    const support = await ctx.user({ role: Role.Support, regionCode: null });
    const mine = await trail(`userId=${support.id}`);
    expect(mine.length).toBeGreaterThanOrEqual(4);
    expect(mine.every((e) => e.userId === support.id)).toBe(true);
    expect((await trail('action=status.record')).every((e) => e.action === 'status.record')).toBe(true);

    const [{ at }] = await ctx.db.query(`SELECT max(at) AS at FROM audit_entry`);
    const later = new Date(at.getTime() + 1).toISOString();
    expect(await trail(`from=${later}`)).toEqual([]);
    expect((await trail(`to=${later}`)).length).toBe(await auditCount());
    // A bare date is midnight in London: 23:30 UTC on 30 June 2014 is already 1 July there (BST).
    await ctx.db.query(
      `INSERT INTO audit_entry (at, action, entity_type, entity_id, details)
       VALUES ('2014-06-30T23:30:00Z', 'test.entry', 'test', '1', '{}')`,
    );
    expect(await trail(`entityType=test&from=2014-07-01&to=2014-07-02`)).toHaveLength(1);
    expect(await trail(`entityType=test&to=2014-07-01`)).toHaveLength(0);
    expect(await trail(`to=2000-01-01`)).toEqual([]);
    expect((await trail(`from=2000-01-01&to=2999-01-01`)).length).toBe(Math.min(50, await auditCount()));

    const page1 = (await ctx.api().get('/audit?pageSize=2').expect(200)).body;
    const page2 = (await ctx.api().get('/audit?pageSize=2&page=2').expect(200)).body;
    expect(page1).toMatchObject({ page: 1, pageSize: 2, total: await auditCount() });
    expect(page1.items).toHaveLength(2);
    expect(new Date(page1.items[1].at).getTime()).toBeGreaterThanOrEqual(new Date(page2.items[0].at).getTime());
    expect(page2.items.map((e: { id: string }) => e.id)).not.toContain(page1.items[1].id);
  });

  it.each([
    ['from=yesterday', 'from'],
    ['to=2014-13-01', 'to'],
    ['userId=abc', 'userId'],
    ['entityType=Practice;DROP', 'entityType'],
    ['action=delete', 'action'],
  ])('refuses %s with a 400 naming the field', async (query, field) => {
    const res = await ctx.api().get(`/audit?${query}`).expect(400);
    expect(res.body.problems.map((p: { field: string }) => p.field)).toContain(field);
  });

  it('is for admins only, and append-only in the database', async () => {
    await ctx.api(Role.Manager).get('/audit').expect(403);
    await ctx.api(Role.Support).get('/audit').expect(403);
    await expect(ctx.db.query(`UPDATE audit_entry SET action = 'x.y'`)).rejects.toThrow(/append-only/);
    await expect(ctx.db.query(`DELETE FROM audit_entry`)).rejects.toThrow(/append-only/);
  });
});
