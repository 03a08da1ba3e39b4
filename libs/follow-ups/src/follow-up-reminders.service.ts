import { Injectable, Logger } from '@nestjs/common';
import { addDays, Clock, daysBetween } from '@app/domain';
import { AppConfig } from '@app/config';
import { NewReminder, ReminderKind, RemindersService } from '@app/reminders';
import { FollowUpLine, FollowUpsRepository } from './follow-ups.repository';
import { isActive } from './follow-ups.enums';

/** The reminders the worker's jobs make about follow-ups: due, daily digest, overdue escalation. */
@Injectable()
export class FollowUpRemindersService {
  private readonly logger = new Logger('FollowUpReminders');

  constructor(
    private readonly repo: FollowUpsRepository,
    private readonly reminders: RemindersService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * A follow-up's due job fired. The state is checked again (it may have been resolved, or its date
   * moved, since the job was scheduled); the reminder's key makes a second run store nothing.
   */
  async remindDue(followUpId: number, dueDate: string): Promise<'reminded' | 'stale' | 'no-owner'> {
    const f = await this.repo.findLine(followUpId);
    if (!f || !isActive(f.state) || f.dueDate !== dueDate) return 'stale';
    if (f.ownerId === null) return 'no-owner';
    await this.reminders.storeNow([
      {
        userId: f.ownerId,
        kind: ReminderKind.FollowUpDue,
        dedupeKey: `follow-up-${f.id}-${dueDate}`,
        subject: `Follow-up due today: ${f.practiceCode} ${f.practiceName}`,
        body:
          `The follow-up with ${f.practiceCode} ${f.practiceName} is due today (${dueDate}).\n` +
          `Services not offered yet: ${f.servicesNotOffered.join(', ')}.\n\n` +
          `Record a contact or barriers, or set a new due date, in the tracker.`,
        payload: { followUp: this.line(f, this.clock.today()) },
      },
    ]);
    return 'reminded';
  }

  /** One reminder per owner listing their due and overdue follow-ups; at most one per owner per day. */
  async sendDigest(): Promise<{ owners: number; stored: number }> {
    const today = this.clock.today();
    const byOwner = groupBy(await this.repo.activeDueBy(today, { ownedOnly: true }), (f) => f.ownerId!);
    const reminders: NewReminder[] = [...byOwner].map(([ownerId, lines]) => {
      const overdue = lines.filter((f) => f.dueDate < today);
      const dueToday = lines.filter((f) => f.dueDate === today);
      const section = (title: string, items: FollowUpLine[]) =>
        items.length ? [`${title}:`, ...items.map((f) => this.text(f, today)), ''] : [];
      return {
        userId: ownerId,
        kind: ReminderKind.DailyDigest,
        dedupeKey: today,
        subject:
          `Your follow-ups for ${today}: ` +
          `${lines.length} due${overdue.length ? ` (${overdue.length} overdue)` : ''}`,
        body: [
          `You own ${lines.length} follow-up(s) due on or before ${today}.`,
          '',
          ...section('Overdue', overdue),
          ...section('Due today', dueToday),
          'Record contacts and barriers, or set new due dates, in the tracker.',
        ].join('\n'),
        payload: { date: today, followUps: lines.map((f) => this.line(f, today)) },
      };
    });
    const stored = await this.reminders.storeNow(reminders);
    this.logger.log(`Daily digest for ${today}: ${reminders.length} owner(s), ${stored.length} new reminder(s)`);
    return { owners: reminders.length, stored: stored.length };
  }

  /** Follow-ups overdue by more than ESCALATE_AFTER_DAYS go to their region's managers, one reminder each a day. */
  async escalateOverdue(): Promise<{ followUps: number; managers: number; stored: number }> {
    const today = this.clock.today();
    const cutoff = addDays(today, -this.config.ESCALATE_AFTER_DAYS);
    const overdue = await this.repo.activeDueBy(cutoff, { strictlyBefore: true });
    const byRegion = groupBy(overdue, (f) => f.regionCode);
    const managers = await this.reminders.managersOfRegions([...byRegion.keys()]);
    const reminders: NewReminder[] = managers.map(({ userId, regionCode }) => {
      const lines = byRegion.get(regionCode)!;
      return {
        userId,
        kind: ReminderKind.OverdueEscalation,
        dedupeKey: today,
        subject:
          `${lines.length} follow-up(s) in region ${regionCode} overdue by more than ` +
          `${this.config.ESCALATE_AFTER_DAYS} days`,
        body: [
          `Follow-ups in region ${regionCode} overdue by more than ${this.config.ESCALATE_AFTER_DAYS} days on ` +
            `${today}:`,
          '',
          ...lines.map(
            (f) => `${this.text(f, today)}${f.ownerId === null ? ' — nobody owns it' : ` — owner: user ${f.ownerId}`}`,
          ),
        ].join('\n'),
        payload: {
          date: today,
          regionCode,
          escalateAfterDays: this.config.ESCALATE_AFTER_DAYS,
          followUps: lines.map((f) => this.line(f, today)),
        },
      };
    });
    const stored = await this.reminders.storeNow(reminders);
    this.logger.log(
      `Overdue escalation for ${today}: ${overdue.length} follow-up(s), ${reminders.length} manager(s), ` +
        `${stored.length} new reminder(s)`,
    );
    return { followUps: overdue.length, managers: reminders.length, stored: stored.length };
  }

  private line(f: FollowUpLine, today: string) {
    return {
      id: f.id,
      practiceCode: f.practiceCode,
      practiceName: f.practiceName,
      regionCode: f.regionCode,
      ownerId: f.ownerId,
      dueDate: f.dueDate,
      daysOverdue: Math.max(0, daysBetween(f.dueDate, today)),
      servicesNotOffered: f.servicesNotOffered,
    };
  }

  private text(f: FollowUpLine, today: string): string {
    const late = daysBetween(f.dueDate, today);
    return (
      `- ${f.practiceCode} ${f.practiceName}: due ${f.dueDate}${late > 0 ? ` (${late} day(s) overdue)` : ''}; ` +
      `not offered: ${f.servicesNotOffered.join(', ')} [follow-up ${f.id}]`
    );
  }
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}
