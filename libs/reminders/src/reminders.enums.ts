/** A PostgreSQL enum: add values only with a migration. */
export enum ReminderKind {
  /** Weekday morning list of an owner's due and overdue follow-ups. */
  DailyDigest = 'daily_digest',
  /** One follow-up reached its due date. */
  FollowUpDue = 'follow_up_due',
  /** To a region's managers: follow-ups overdue by more than ESCALATE_AFTER_DAYS. */
  OverdueEscalation = 'overdue_escalation',
}
