import { Role } from '@app/domain';
import { JobName } from '@app/jobs';
import { addUser } from '../setup/app-users';
import { SmtpListener } from '../setup/smtp-listener';
import { actorHeader, withTestActors } from '../setup/test-actor';
import { TestContext } from '../setup/test-context';
import { WorkerContext } from '../setup/worker-context';
import { waitFor } from '../setup/wait-for';
import { followUpsOf, setNow } from './helpers';

/** A Monday in September, when the follow-ups open, and one in October, when the digest runs. */
const SEPTEMBER = new Date('2014-09-01T08:00:00Z');
const OCTOBER_MONDAY = new Date('2014-10-06T06:00:00Z'); // 07:00 London

interface ReminderRow {
  id: number;
  user_id: number;
  kind: string;
  dedupe_key: string;
  subject: string;
  payload: { followUps: { id: number }[] };
  emailed_at: Date | null;
}

describe('reminders: digest, due, escalation, e-mail', () => {
  let ctx: TestContext;
  let worker: WorkerContext;
  let smtp: SmtpListener;
  const users: Record<string, number> = {};
  const followUps: Record<string, number> = {};

  const reminders = (kind?: string): Promise<ReminderRow[]> =>
    ctx.db.query(
      `SELECT id::int, user_id, kind, dedupe_key, subject, payload, emailed_at FROM reminder
       WHERE $1::text IS NULL OR kind::text = $1 ORDER BY user_id, id`,
      [kind ?? null],
    );
  const as = (name: string, role = Role.Support, regionCode: string | null = 'Y54') =>
    actorHeader({ userId: users[name], role, regionCode });

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    ctx = await TestContext.create(withTestActors);
    worker = await WorkerContext.start(ctx.config, {
      OUTBOX_POLL_MS: 0,
      SMTP_URL: smtp.url,
      SMTP_FROM: 'tracker@example.nhs.uk',
    });
    // Alice works in every region (she owns a follow-up in Y55 too).
    users.alice = await addUser(ctx.db, { role: Role.Support, email: 'alice@example.nhs.uk', regionCode: null });
    users.bob = await addUser(ctx.db, { role: Role.Support, email: 'bob@example.nhs.uk', regionCode: 'Y54' });
    // Carol has left (deactivated once she owned a follow-up, below): her reminders are kept, but nothing is e-mailed
    // to her.
    users.carol = await addUser(ctx.db, { role: Role.Support, email: 'carol@example.nhs.uk', regionCode: 'Y54' });
    users.north = await addUser(ctx.db, { role: Role.Manager, email: 'north@example.nhs.uk', regionCode: 'Y54' });
    users.south = await addUser(ctx.db, { role: Role.Manager, email: 'south@example.nhs.uk', regionCode: 'Y55' });
    users.gone = await addUser(ctx.db, {
      role: Role.Manager,
      email: 'gone@example.nhs.uk',
      regionCode: 'Y54',
      active: false,
    });

    // Follow-ups open on 1 September (the sweep), then get owners and due dates through the API.
    setNow(SEPTEMBER, ctx, worker);
    const plan: [string, string | null, string, string][] = [
      ['dueToday', 'alice', '2014-10-06', 'Y54'],
      ['longOverdue', 'alice', '2014-09-15', 'Y54'],
      ['recentlyOverdue', 'bob', '2014-10-03', 'Y54'],
      ['notDueYet', 'bob', '2014-10-10', 'Y54'],
      ['noAddress', 'carol', '2014-10-01', 'Y54'],
      ['nobodys', null, '2014-09-15', 'Y54'],
      ['south', 'alice', '2014-09-20', 'Y55'],
    ];
    const practices = [];
    for (const [, , , region] of plan)
      practices.push(await ctx.factories.practice({ regionCode: region, ccgCode: region === 'Y55' ? '00N' : '00M' }));
    await worker.schedules.sweepFollowUps();
    for (const [i, [name, owner, due]] of plan.entries()) {
      const [f] = await followUpsOf(ctx, practices[i].id);
      followUps[name] = f.id;
      if (owner) await ctx.api().put(`/follow-ups/${f.id}/owner`).send({ ownerId: users[owner] }).expect(200);
      await ctx.api().put(`/follow-ups/${f.id}/due-date`).send({ dueDate: due }).expect(200);
    }
    await ctx.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [users.carol]);
    await worker.settle();
    setNow(OCTOBER_MONDAY, ctx, worker);
  });

  afterAll(async () => {
    await worker.close();
    await ctx.close();
    await smtp.close();
  });

  it('the weekday digest gives each owner one reminder of due and overdue follow-ups, even if run twice', async () => {
    expect(await worker.schedules.dailyDigest()).toEqual({ owners: 3, stored: 3 });
    expect(await worker.schedules.dailyDigest()).toEqual({ owners: 3, stored: 0 });
    // And once more through Bull, as the schedule would run it.
    await worker.queues.add(JobName.DailyDigest, {}, { jobId: 'digest-by-hand' });
    await worker.idle();

    const digests = await reminders('daily_digest');
    expect(digests.map((r) => [r.user_id, r.dedupe_key, r.payload.followUps.map((f) => f.id)])).toEqual([
      [users.alice, '2014-10-06', [followUps.longOverdue, followUps.south, followUps.dueToday]],
      [users.bob, '2014-10-06', [followUps.recentlyOverdue]],
      [users.carol, '2014-10-06', [followUps.noAddress]],
    ]);
    expect(digests[0].subject).toBe('Your follow-ups for 2014-10-06: 3 due (2 overdue)');
  });

  it('e-mails each reminder once through SMTP; a repeated e-mail job sends nothing', async () => {
    await worker.settle();
    await waitFor(() => smtp.messages.length >= 2, 'two e-mails');
    expect(smtp.messages.map((m) => m.to).sort()).toEqual([['alice@example.nhs.uk'], ['bob@example.nhs.uk']]);
    expect(smtp.messages[0].from).toBe('tracker@example.nhs.uk');
    expect(smtp.messages.find((m) => m.to[0] === 'alice@example.nhs.uk')!.raw).toMatch(
      /Subject: Your follow-ups for 2014-10-06: 3 due \(2 overdue\)/,
    );

    const aliceDigest = (await reminders('daily_digest')).find((r) => r.user_id === users.alice)!;
    expect(aliceDigest.emailed_at).not.toBeNull();
    expect(await worker.reminders.sendReminderEmail({ reminderId: aliceDigest.id })).toBe('already-sent');
    const carolDigest = (await reminders('daily_digest')).find((r) => r.user_id === users.carol)!;
    expect(await worker.reminders.sendReminderEmail({ reminderId: carolDigest.id })).toBe('no-address');
    expect(smtp.messages).toHaveLength(2);
  });

  it("a follow-up's due job reminds its owner once, and does nothing once the date has moved", async () => {
    const payload = { followUpId: followUps.dueToday, dueDate: '2014-10-06' };
    expect(await worker.followUps.followUpDue(payload)).toBe('reminded');
    expect(await worker.followUps.followUpDue(payload)).toBe('reminded');
    expect(await worker.followUps.followUpDue({ followUpId: followUps.dueToday, dueDate: '2014-09-15' })).toBe('stale');
    expect(await worker.followUps.followUpDue({ followUpId: followUps.nobodys, dueDate: '2014-09-15' })).toBe(
      'no-owner',
    );
    expect((await reminders('follow_up_due')).map((r) => [r.user_id, r.dedupe_key])).toEqual([
      [users.alice, `follow-up-${followUps.dueToday}-2014-10-06`],
    ]);
  });

  it("escalates follow-ups overdue over ESCALATE_AFTER_DAYS to their region's active managers, daily", async () => {
    expect(await worker.schedules.overdueEscalation()).toEqual({ followUps: 3, managers: 2, stored: 2 });
    expect(await worker.schedules.overdueEscalation()).toMatchObject({ stored: 0 });
    const escalations = await reminders('overdue_escalation');
    expect(escalations.map((r) => [r.user_id, r.payload.followUps.map((f) => f.id)])).toEqual([
      [users.north, [followUps.longOverdue, followUps.nobodys]],
      [users.south, [followUps.south]],
    ]);
    expect(escalations[0].subject).toBe('2 follow-up(s) in region Y54 overdue by more than 7 days');
  });

  it('retries an e-mail the SMTP server refused, and sends each reminder once', async () => {
    const before = smtp.messages.length;
    const waiting = (await reminders()).filter((r) => !r.emailed_at && r.user_id !== users.carol);
    expect(waiting.length).toBe(3); // alice's due reminder and the two managers' escalations
    smtp.refuseNext = 1;
    await worker.settle();
    await waitFor(() => smtp.messages.length === before + 3, 'the refused e-mail to be retried');
    const recipients = smtp.messages
      .slice(before)
      .map((m) => m.to[0])
      .sort();
    expect(recipients).toEqual(['alice@example.nhs.uk', 'north@example.nhs.uk', 'south@example.nhs.uk']);
    await waitFor(
      async () => (await reminders()).filter((r) => !r.emailed_at && r.user_id !== users.carol).length === 0,
      'emailed_at to be set',
    );
  });

  it('GET /me/reminders lists only my reminders; I can mark mine read, not anyone else’s', async () => {
    const mine = await ctx
      .api()
      .get('/me/reminders')
      .set(...as('bob'))
      .expect(200);
    expect(mine.body.items.map((r: { kind: string }) => r.kind)).toEqual(['daily_digest']);
    const id = mine.body.items[0].id;

    await ctx
      .api()
      .post(`/me/reminders/${id}/read`)
      .set(...as('alice'))
      .expect(404);
    const read = await ctx
      .api()
      .post(`/me/reminders/${id}/read`)
      .set(...as('bob'))
      .expect(200);
    expect(read.body.readAt).not.toBeNull();
    const again = await ctx
      .api()
      .post(`/me/reminders/${id}/read`)
      .set(...as('bob'))
      .expect(200);
    expect(again.body.readAt).toBe(read.body.readAt);
    // A client that sets the JSON type on a body-less POST is heard the same.
    const withJsonType = await ctx
      .api()
      .post(`/me/reminders/${id}/read`)
      .set(...as('bob'))
      .set('Content-Type', 'application/json')
      .send('')
      .expect(200);
    expect(withJsonType.body.readAt).toBe(read.body.readAt);
    expect(
      (
        await ctx
          .api()
          .get('/me/reminders?unread=true')
          .set(...as('bob'))
          .expect(200)
      ).body.total,
    ).toBe(0);

    // All at once: only mine, only the unread ones, and again marks nothing.
    const aliceUnread = async () =>
      (
        await ctx
          .api()
          .get('/me/reminders?unread=true')
          .set(...as('alice'))
          .expect(200)
      ).body.total as number;
    const aliceBefore = await aliceUnread();
    expect(aliceBefore).toBeGreaterThan(0);
    const northBefore = (
      await ctx
        .api()
        .get('/me/reminders?unread=true')
        .set(...as('north', Role.Manager))
        .expect(200)
    ).body.total;
    const all = await ctx
      .api()
      .post('/me/reminders/read')
      .set(...as('alice'))
      .expect(200);
    expect(all.body).toEqual({ marked: aliceBefore });
    expect(await aliceUnread()).toBe(0);
    expect(
      (
        await ctx
          .api()
          .post('/me/reminders/read')
          .set(...as('alice'))
          .expect(200)
      ).body,
    ).toEqual({ marked: 0 });
    expect(
      (
        await ctx
          .api()
          .get('/me/reminders?unread=true')
          .set(...as('north', Role.Manager))
          .expect(200)
      ).body.total,
    ).toBe(northBefore);

    // Managers acknowledge their reminders too (their one write).
    const managers = await ctx
      .api()
      .get('/me/reminders')
      .set(...as('north', Role.Manager))
      .expect(200);
    await ctx
      .api()
      .post(`/me/reminders/${managers.body.items[0].id}/read`)
      .set(...as('north', Role.Manager))
      .expect(200);

    await ctx.api('anonymous').get('/me/reminders').expect(401);
    const bad = await ctx
      .api()
      .post('/me/reminders/abc/read')
      .set(...as('bob'))
      .expect(400);
    expect(bad.body.problems).toEqual([{ field: 'id', message: 'id must be a positive whole number' }]);
  });
});
