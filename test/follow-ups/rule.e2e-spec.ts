import { Level, Service } from '@app/domain';
import { followUpDueJobId, JobName } from '@app/jobs';
import { TestContext } from '../setup/test-context';
import { WorkerContext } from '../setup/worker-context';
import { enableAll, followUpsOf, MONDAY, pendingOutbox, recordLevel, setNow } from './helpers';

describe('the follow-up rule', () => {
  let ctx: TestContext;
  let worker: WorkerContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
    // Polling off: each test moves the outbox itself (worker.settle()), so every step is deterministic.
    worker = await WorkerContext.start(ctx.config, { OUTBOX_POLL_MS: 0 });
    setNow(MONDAY, ctx, worker);
  });
  afterAll(async () => {
    await worker.close();
    await ctx.close();
  });

  it('a status write leaves a follow-up and a delayed due job; enabling everything resolves it', async () => {
    const { id, code } = await ctx.factories.practice();
    await recordLevel(ctx, code, Service.Appointments, Level.Enabled);

    // The write committed its job request; Redis has not been touched yet.
    expect((await pendingOutbox(ctx)).map((r) => [r.kind, r.payload])).toEqual([
      [JobName.EvaluatePractice, { practiceId: id }],
    ]);

    await worker.settle();
    const [followUp, ...others] = await followUpsOf(ctx, id);
    expect(others).toEqual([]);
    expect(followUp).toMatchObject({
      state: 'open',
      services_not_offered: ['prescriptions', 'records'],
      due_date: '2014-10-20',
      owner_id: null,
    });
    expect(await worker.queues.jobState(JobName.FollowUpDue, followUpDueJobId(followUp.id, '2014-10-20'))).toBe(
      'delayed',
    );

    await recordLevel(ctx, code, Service.Prescriptions, Level.Enabled);
    await worker.settle();
    expect((await followUpsOf(ctx, id))[0].services_not_offered).toEqual(['records']);

    await recordLevel(ctx, code, Service.Records, Level.Enabled);
    await worker.settle();
    const [resolved] = await followUpsOf(ctx, id);
    expect(resolved.state).toBe('resolved');
    expect(resolved.close_note).toMatch(
      /^Resolved automatically: appointments, prescriptions and records are all enabled as of 2014-10-06/,
    );
    expect(await pendingOutbox(ctx)).toEqual([]);
  });

  it('moving the due date moves the delayed job', async () => {
    const { id, code } = await ctx.factories.practice();
    await recordLevel(ctx, code, Service.Records, Level.Capable);
    await worker.settle();
    const [followUp] = await followUpsOf(ctx, id);

    await ctx.api().put(`/follow-ups/${followUp.id}/due-date`).send({ dueDate: '2014-11-03' }).expect(200);
    await worker.settle();
    expect(
      await worker.queues.jobState(JobName.FollowUpDue, followUpDueJobId(followUp.id, followUp.due_date)),
    ).toBeUndefined();
    expect(await worker.queues.jobState(JobName.FollowUpDue, followUpDueJobId(followUp.id, '2014-11-03'))).toBe(
      'delayed',
    );
  });

  it('the nightly sweep creates missing follow-ups exactly once when run twice (even at the same time)', async () => {
    const missing = await ctx.factories.practice(); // no status at all: every service unknown
    const offersAll = await ctx.factories.practice();
    const closed = await ctx.factories.practice({ closedOn: '2014-06-30' });
    const notYetOpen = await ctx.factories.practice({ openedOn: '2014-12-01' });
    for (const s of [Service.Appointments, Service.Prescriptions, Service.Records]) {
      await ctx.factories.statusEvent(offersAll.id, s, Level.Enabled, '2014-01-01');
    }

    const first = await worker.schedules.sweepFollowUps();
    expect(first.created).toBeGreaterThanOrEqual(1);
    const again = await Promise.all([worker.schedules.sweepFollowUps(), worker.schedules.sweepFollowUps()]);
    expect(again.map((r) => r.created)).toEqual([0, 0]);

    expect((await followUpsOf(ctx, missing.id)).map((f) => [f.state, f.services_not_offered])).toEqual([
      ['open', ['appointments', 'prescriptions', 'records']],
    ]);
    for (const p of [offersAll, closed, notYetOpen]) expect(await followUpsOf(ctx, p.id)).toEqual([]);
    const [{ n }] = await ctx.db.query(
      `SELECT count(*)::int AS n
       FROM (SELECT practice_id FROM follow_up WHERE state IN ('open', 'contacted', 'barriers_recorded')
           GROUP BY practice_id HAVING count(*) > 1) d`,
    );
    expect(n).toBe(0);
  });

  it('closing a practice through the API cancels its follow-up at once; reopening it opens a new one', async () => {
    const { id, code } = await ctx.factories.practice();
    await recordLevel(ctx, code, Service.Appointments, Level.NotCapable);
    await worker.settle();
    await ctx.api().patch(`/practices/${code}`).send({ closedOn: '2014-10-01' }).expect(200);
    expect((await pendingOutbox(ctx)).map((r) => [r.kind, r.payload])).toEqual([
      [JobName.EvaluatePractice, { practiceId: id }],
    ]);
    await worker.settle();
    expect((await followUpsOf(ctx, id)).map((f) => [f.state, f.close_note])).toEqual([
      ['cancelled', 'Cancelled automatically: the practice is not open on 2014-10-06.'],
    ]);

    await ctx.api().patch(`/practices/${code}`).send({ closedOn: null }).expect(200);
    await worker.settle();
    expect((await followUpsOf(ctx, id)).map((f) => f.state).sort()).toEqual(['cancelled', 'open']);

    // A change that cannot move the practice in or out of scope asks for nothing.
    await ctx.api().patch(`/practices/${code}`).send({ name: 'Renamed Surgery' }).expect(200);
    expect(await pendingOutbox(ctx)).toEqual([]);
  });

  it('a practice created through the API (every level unknown) gets its follow-up before the sweep', async () => {
    await ctx.factories.ccg('00M', 'Y54');
    await ctx.api().post('/practices').send({ code: 'B82001', name: 'New Surgery', ccgCode: '00M' }).expect(201);
    const [{ id }] = await ctx.db.query(`SELECT id FROM practice WHERE code = 'B82001'`);
    await worker.settle();
    expect((await followUpsOf(ctx, id)).map((f) => [f.state, f.services_not_offered])).toEqual([
      ['open', ['appointments', 'prescriptions', 'records']],
    ]);
  });

  it('a processor run twice for the same job creates no second follow-up', async () => {
    const { id, code } = await ctx.factories.practice();
    await enableAll(ctx, code);
    await ctx.factories.statusEvent(id, Service.Records, Level.Capable, '2014-10-01');
    await worker.followUps.evaluatePractice({ practiceId: id });
    await worker.followUps.evaluatePractice({ practiceId: id });
    expect((await followUpsOf(ctx, id)).map((f) => [f.state, f.services_not_offered])).toEqual([['open', ['records']]]);
  });
});
