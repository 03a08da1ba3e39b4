import { Injectable } from '@nestjs/common';
import { JobHandlers, JobName, QueueName, SendReminderEmailPayload } from '@app/jobs';
import { RemindersService } from '@app/reminders';
import { JobProcessor } from './job-processor';

@Injectable()
export class RemindersProcessor implements JobProcessor {
  readonly queue = QueueName.Reminders;

  constructor(private readonly reminders: RemindersService) {}

  /** A send that throws is retried by the queue; the reminder's emailed_at stops a second e-mail. */
  sendReminderEmail(p: SendReminderEmailPayload) {
    return this.reminders.sendEmail(p.reminderId);
  }

  handlers(): Partial<JobHandlers> {
    return { [JobName.SendReminderEmail]: (p) => this.sendReminderEmail(p) };
  }
}
