import type { Job } from 'bull';
import { Level, Service } from '@app/domain';
import { followUpDueJobId, JobName, QueueName } from '@app/jobs';
import { PrivateRedis } from '../setup/private-redis';
import { TestContext } from '../setup/test-context';
import { WorkerContext } from '../setup/worker-context';
import { waitFor } from '../setup/wait-for';
import { followUpsOf, MONDAY, pendingOutbox, recordLevel, setNow } from './helpers';

/**
 * The outbox's promise: a status write acknowledged while Redis is down still gets its job once Redis is
 * back, exactly once. The API and the worker use a redis-server of this test's own, stopped mid-test.
 */
describe('status writes while Redis is down', () => {
  let redis: PrivateRedis;
  let ctx: TestContext;
  let worker: WorkerContext;
  const completed: string[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    ctx = await TestContext.create(undefined, { config: { REDIS_PORT: redis.port } });
    worker = await WorkerContext.start(ctx.config, { OUTBOX_POLL_MS: 50 });
    setNow(MONDAY, ctx, worker);
    worker.queues.queue(QueueName.FollowUps).on('completed', (job: Job) => {
      if (job.name === (JobName.EvaluatePractice as string)) completed.push(String(job.id));
    });
  });

  afterAll(async () => {
    await redis.restart().catch(() => undefined); // closing Bull needs Redis up
    await worker.close();
    await ctx.close();
    await redis.destroy();
  });

  it('succeed, and every follow-up job arrives once Redis is back, none twice', async () => {
    const practices = [];
    for (let i = 0; i < 5; i++) practices.push(await ctx.factories.practice());

    await redis.stop();
    await waitFor(() => !worker.queues.isConnected(), 'the worker to notice Redis is gone');

    for (const p of practices) await recordLevel(ctx, p.code, Service.Appointments, Level.Enabled);
    await recordLevel(ctx, practices[0].code, Service.Records, Level.Capable); // two writes, two jobs, one follow-up
    const requested = (await pendingOutbox(ctx))
      .filter((r) => r.kind === (JobName.EvaluatePractice as string))
      .map((r) => `outbox-${r.id}`);
    expect(requested).toHaveLength(6);
    expect(completed).toEqual([]);

    await redis.restart();
    await waitFor(() => requested.every((id) => completed.includes(id)), 'every evaluate job to complete', 60000);
    await waitFor(async () => (await pendingOutbox(ctx)).length === 0, 'the due jobs to be relayed');
    await worker.idle();

    expect([...completed].sort()).toEqual([...requested].sort());
    for (const p of practices) {
      expect((await followUpsOf(ctx, p.id)).map((f) => [f.state, f.services_not_offered])).toEqual([
        ['open', ['prescriptions', 'records']],
      ]);
    }
  });

  it('a Redis that lost its data gets back every job relayed before, and the schedules', async () => {
    const practice = await ctx.factories.practice();
    await recordLevel(ctx, practice.code, Service.Records, Level.Capable);
    await waitFor(
      async () => (await pendingOutbox(ctx)).length === 0 && (await followUpsOf(ctx, practice.id)).length === 1,
      'the follow-up and its due job',
    );
    const [followUp] = await followUpsOf(ctx, practice.id);
    const dueJob = followUpDueJobId(followUp.id, followUp.due_date);
    await waitFor(async () => (await worker.queues.jobState(JobName.FollowUpDue, dueJob)) === 'delayed', 'the due job');

    // A restart without persistence, as far as the queues can tell.
    await worker.queues.queue(QueueName.Schedules).client.flushall();
    expect(await worker.queues.jobState(JobName.FollowUpDue, dueJob)).toBeUndefined();

    await waitFor(
      async () => (await worker.queues.jobState(JobName.FollowUpDue, dueJob)) === 'delayed',
      'the due job to be queued again',
      30000,
    );
    expect(await worker.queues.keepsState()).toBe(true);
    expect(await worker.relay.recoverLostJobs()).toBe(0); // once only
    await worker.runtime.checkSchedules();
    expect((await worker.queues.listSchedules()).map((s) => s.job).sort()).toEqual(
      [JobName.DailyDigest, JobName.MonthEndSnapshot, JobName.OverdueEscalation, JobName.SweepFollowUps].sort(),
    );
    // The schedules were lost, perhaps across a month's end: its snapshot is taken now if it is missing.
    await waitFor(
      async () => (await ctx.db.query(`SELECT 1 FROM month_end_snapshot WHERE month_end = '2014-09-30'`)).length === 1,
      'the month-end snapshot',
    );
  });
});
