import { Level, Service } from '@app/domain';
import { JobName, QueueName } from '@app/jobs';
import { TestContext } from '../setup/test-context';
import { WorkerContext } from '../setup/worker-context';

describe('schedules and the month-end snapshot', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(async () => {
    await ctx.close();
  });

  /** Starts a worker, reads the schedules and the queued next runs in Redis, stops it. */
  async function bootOnce(overrides = {}) {
    const worker = await WorkerContext.start(ctx.config, { OUTBOX_POLL_MS: 0, ...overrides });
    try {
      const schedules = await worker.queues.listSchedules();
      const nextRuns = await worker.queues.queue(QueueName.Schedules).getDelayed();
      return { schedules, nextRuns: nextRuns.map((j) => j.name).sort() };
    } finally {
      await worker.close();
    }
  }

  const ALL = [JobName.DailyDigest, JobName.MonthEndSnapshot, JobName.OverdueEscalation, JobName.SweepFollowUps].sort();

  it('restarting the worker, twice, leaves exactly one schedule (and one next run) per job', async () => {
    await bootOnce();
    await bootOnce();
    const { schedules, nextRuns } = await bootOnce();
    expect(schedules.map((s) => s.job).sort()).toEqual(ALL);
    expect(nextRuns).toEqual(ALL);
    expect(schedules.find((s) => s.job === (JobName.DailyDigest as string))).toMatchObject({
      id: JobName.DailyDigest,
      cron: '0 7 * * 1-5',
      timeZone: 'Europe/London',
    });
  });

  it('two workers starting together do not double a schedule', async () => {
    const [a, b] = await Promise.all([
      WorkerContext.start(ctx.config, { OUTBOX_POLL_MS: 0 }),
      WorkerContext.start(ctx.config, { OUTBOX_POLL_MS: 0 }),
    ]);
    try {
      expect((await a.queues.listSchedules()).map((s) => s.job).sort()).toEqual(ALL);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a changed cron replaces the old schedule instead of adding a second one', async () => {
    await bootOnce();
    const { schedules, nextRuns } = await bootOnce({
      CRON_DAILY_DIGEST: '30 6 * * 1-5',
      APP_TIME_ZONE: 'Europe/London',
    });
    expect(schedules.map((s) => s.job).sort()).toEqual(ALL);
    expect(schedules.filter((s) => s.job === (JobName.DailyDigest as string)).map((s) => s.cron)).toEqual([
      '30 6 * * 1-5',
    ]);
    expect(nextRuns).toEqual(ALL);
  });

  it('the month-end snapshot stores the month that just ended, once', async () => {
    const worker = await WorkerContext.start(ctx.config, { OUTBOX_POLL_MS: 0 });
    try {
      worker.clock.setNow(new Date('2014-10-01T02:00:00Z'));
      const { id } = await ctx.factories.practice({ openedOn: '2000-01-01' });
      await ctx.factories.statusEvent(id, Service.Appointments, Level.Enabled, '2014-09-01');
      // After the month end: not counted.
      await ctx.factories.statusEvent(id, Service.Records, Level.Enabled, '2014-10-01');

      expect(await worker.schedules.monthEndSnapshot()).toEqual({ monthEnd: '2014-09-30', stored: true });
      expect(await worker.schedules.monthEndSnapshot()).toEqual({ monthEnd: '2014-09-30', stored: false });
      const [row] = await ctx.db.query(`SELECT month_end::text, figures FROM month_end_snapshot`);
      expect(row.month_end).toBe('2014-09-30');
      expect(row.figures.services.appointments.practices).toEqual({ total: 1, capable: 1, enabled: 1, unknown: 0 });
      expect(row.figures.services.records.practices).toEqual({ total: 1, capable: 0, enabled: 0, unknown: 1 });

      worker.clock.setNow(new Date('2015-01-01T03:00:00Z'));
      expect((await worker.schedules.monthEndSnapshot()).monthEnd).toBe('2014-12-31');
    } finally {
      await worker.close();
    }
  });
});
