import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '@app/domain';
import { Page } from '@app/http';
import { JobName, Outbox } from '@app/jobs';
import { Mailer } from './mailer';
import { RecipientsRepository } from './recipients.repository';
import { ListRemindersQuery, ReminderDto } from './reminders.dto';
import { NewReminder, RemindersRepository } from './reminders.repository';

export type EmailOutcome = 'sent' | 'already-sent' | 'no-address' | 'email-off' | 'no-reminder';

/** Stored reminders, and their e-mails (each its own job, so a failed send is retried, never lost). */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger('Reminders');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: RemindersRepository,
    private readonly recipients: RecipientsRepository,
    private readonly mailer: Mailer,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Stores the reminders not stored yet (their dedupe keys make a repeated job store nothing) and, when
   * e-mail is on, asks for one e-mail job per new reminder in the same transaction.
   */
  async store(m: EntityManager, reminders: NewReminder[]): Promise<number[]> {
    const ids = await this.repo.insert(m, reminders);
    if (this.mailer.enabled)
      await this.outbox.addMany(
        m,
        JobName.SendReminderEmail,
        ids.map((reminderId) => ({ reminderId })),
      );
    return ids;
  }

  async storeNow(reminders: NewReminder[]): Promise<number[]> {
    return this.db.transaction((m) => this.store(m, reminders));
  }

  async listMine(userId: number, query: ListRemindersQuery): Promise<Page<ReminderDto>> {
    const { items, total } = await this.repo.listForUser(
      userId,
      query.unread === true,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async markRead(userId: number, id: number): Promise<ReminderDto> {
    const reminder = await this.repo.markRead(userId, id);
    // Someone else's reminder is "not found" too: ids of others' reminders are none of your business.
    if (!reminder) throw new NotFoundError(`You have no reminder ${id}`);
    return reminder;
  }

  async markAllRead(userId: number): Promise<{ marked: number }> {
    return { marked: await this.repo.markAllRead(userId) };
  }

  managersOfRegions(regionCodes: string[]) {
    return this.recipients.managersOfRegions(regionCodes);
  }

  /**
   * Sends one reminder's e-mail, at most once: the reminder row stays locked while sending and
   * emailed_at is set in the same transaction. (Should the commit itself fail after the SMTP server took
   * the message, the retry sends it again: at-least-once, the best SMTP allows.)
   */
  sendEmail(reminderId: number): Promise<EmailOutcome> {
    return this.db.transaction(async (m) => {
      const reminder = await this.repo.lockForEmail(m, reminderId);
      if (!reminder) return 'no-reminder';
      if (reminder.emailedAt) return 'already-sent';
      if (!this.mailer.enabled) return 'email-off';
      const to = await this.recipients.emailOf(reminder.userId, m);
      if (!to) {
        this.logger.warn(
          `Reminder ${reminderId}: user ${reminder.userId} has no active account with an e-mail address; not e-mailed`,
        );
        return 'no-address';
      }
      await this.mailer.send({
        to: to.email,
        subject: reminder.subject,
        text: reminder.body,
        messageId: `<reminder-${reminderId}@patient-online-tracker>`,
      });
      await this.repo.markEmailed(m, reminderId);
      return 'sent';
    });
  }
}
