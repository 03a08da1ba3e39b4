import { Test } from '@nestjs/testing';
import { FollowUpRemindersService, FollowUpRuleService } from '@app/follow-ups';
import { ImportsService } from '@app/imports';
import { JOB_QUEUE, JobName, QueueName } from '@app/jobs';
import { RemindersService } from '@app/reminders';
import { SnapshotsService } from '@app/snapshots';
import { FollowUpsProcessor } from './follow-ups.processor';
import { ImportsProcessor } from './imports.processor';
import { collectHandlers, JobProcessor } from './job-processor';
import { RemindersProcessor } from './reminders.processor';
import { SchedulesProcessor } from './schedules.processor';

describe('job processors', () => {
  async function processors(): Promise<JobProcessor[]> {
    const moduleRef = await Test.createTestingModule({
      providers: [
        FollowUpsProcessor,
        RemindersProcessor,
        SchedulesProcessor,
        ImportsProcessor,
        // Only the handler table is under test here; the services are exercised by the e2e specs.
        { provide: FollowUpRuleService, useValue: {} },
        { provide: FollowUpRemindersService, useValue: {} },
        { provide: RemindersService, useValue: {} },
        { provide: SnapshotsService, useValue: {} },
        { provide: ImportsService, useValue: {} },
      ],
    }).compile();
    return [
      moduleRef.get(FollowUpsProcessor),
      moduleRef.get(RemindersProcessor),
      moduleRef.get(SchedulesProcessor),
      moduleRef.get(ImportsProcessor),
    ];
  }

  it('handle every job name exactly once, each in the processor of its queue', async () => {
    const all = await processors();
    const handlers = collectHandlers(all);
    expect(Object.keys(handlers).sort()).toEqual(Object.values(JobName).sort());
    for (const p of all)
      for (const name of Object.keys(p.handlers()) as JobName[]) expect(JOB_QUEUE[name]).toBe(p.queue);
    expect(new Set(all.map((p) => p.queue))).toEqual(new Set(Object.values(QueueName)));
  });

  it('refuse a job handled twice, in the wrong queue, or not at all', async () => {
    const [followUps, reminders, schedules, imports] = await processors();
    expect(() => collectHandlers([followUps, followUps, reminders, schedules, imports])).toThrow(/has two handlers/);
    expect(() => collectHandlers([followUps, reminders])).toThrow(/No handler for job\(s\) daily-digest/);
    const misplaced: JobProcessor = { queue: QueueName.Reminders, handlers: () => followUps.handlers() };
    expect(() => collectHandlers([misplaced])).toThrow(/belongs to queue follow-ups, not reminders/);
  });
});
