import Queue from 'bull';
import type { IncomingHttpHeaders } from 'node:http';
import { Actor, Role } from '@app/domain';
import { JobName, JobQueues, QueueName } from '@app/jobs';
import { QUEUE_BOARD_ACTOR } from '../../apps/api/src/admin/queue-board';
import { actorHeader, TEST_ACTOR_HEADER } from '../setup/test-actor';
import { TestContext } from '../setup/test-context';
import { WorkerContext } from '../setup/worker-context';

describe('queue monitoring and graceful shutdown', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    // Stands in for the authentication feature's credential check on the board's routes.
    const fromHeader = (headers: IncomingHttpHeaders): Actor | undefined => {
      const header = headers[TEST_ACTOR_HEADER];
      return typeof header === 'string' ? JSON.parse(header) : undefined;
    };
    ctx = await TestContext.create((b) => b.overrideProvider(QUEUE_BOARD_ACTOR).useValue(fromHeader));
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('/health reports the job counts of every queue', async () => {
    await ctx.app
      .get(JobQueues)
      .add(JobName.FollowUpDue, { followUpId: 1, dueDate: '2030-01-01' }, { jobId: 'later', delayMs: 3_600_000 });
    const res = await ctx.api('anonymous').get('/health').expect(200);
    expect(res.body.info.queues).toMatchObject({
      status: 'up',
      [QueueName.FollowUps]: { waiting: 0, active: 0, delayed: 1, failed: 0 },
      [QueueName.Reminders]: { waiting: 0, delayed: 0 },
      [QueueName.Schedules]: { waiting: 0 },
      imports: { waiting: 0, active: 0 },
      // No worker ran against this Redis: every recurring job is reported missing, and /health stays up.
      schedulesMissing: expect.arrayContaining([
        JobName.DailyDigest,
        JobName.OverdueEscalation,
        JobName.SweepFollowUps,
        JobName.MonthEndSnapshot,
      ]),
    });
  });

  it('serves the queue board to admins only', async () => {
    const nobody = await ctx.api('anonymous').get('/admin/queues').expect(401);
    expect(nobody.body).toMatchObject({ status: 401, error: 'unauthorized' });
    await ctx
      .api('anonymous')
      .get('/admin/queues/api/queues')
      .set(...actorHeader({ userId: 2, role: Role.Support, regionCode: null }))
      .expect(403);
    await ctx
      .api('anonymous')
      .get('/admin/queues')
      .set(...actorHeader({ userId: 3, role: Role.Manager, regionCode: null }))
      .expect(403);

    const asAdmin = actorHeader({ userId: 1, role: Role.Admin, regionCode: null });
    const page = await ctx
      .api('anonymous')
      .get('/admin/queues')
      .set(...asAdmin)
      .expect(200);
    expect(page.text).toContain('Patient Online jobs');
    const api = await ctx
      .api('anonymous')
      .get('/admin/queues/api/queues')
      .set(...asAdmin)
      .expect(200);
    expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([
      QueueName.FollowUps,
      QueueName.Imports,
      QueueName.Reminders,
      QueueName.Schedules,
    ]);
  });

  it('on shutdown the worker lets its running job finish', async () => {
    const worker = await WorkerContext.start(ctx.config, { OUTBOX_POLL_MS: 0 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    jest.spyOn(worker.schedules, 'sweepFollowUps').mockImplementation(async () => {
      started();
      await gate;
      return { created: 0, updated: 0, resolved: 0, cancelled: 0 };
    });
    await worker.queues.add(JobName.SweepFollowUps, {}, { jobId: 'slow-sweep' });
    await running;

    let closed = false;
    const closing = worker.close().then(() => (closed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false); // still waiting for the job
    release();
    await closing;

    const inspect = new Queue(QueueName.Schedules, {
      prefix: ctx.config.REDIS_PREFIX,
      redis: { host: ctx.config.REDIS_HOST, port: ctx.config.REDIS_PORT },
    });
    try {
      expect(await (await inspect.getJob('slow-sweep'))?.getState()).toBe('completed');
    } finally {
      await inspect.close();
    }
  });
});
