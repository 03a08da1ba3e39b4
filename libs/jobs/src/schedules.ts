import { AppConfig } from '@app/config';
import { JobName, Schedule } from './jobs.constants';

/** The recurring jobs and when they run (cron in APP_TIME_ZONE, each overridable by environment). */
export function wantedSchedules(config: AppConfig): Schedule[] {
  const timeZone = config.APP_TIME_ZONE;
  return [
    { job: JobName.DailyDigest, cron: config.CRON_DAILY_DIGEST, timeZone },
    { job: JobName.OverdueEscalation, cron: config.CRON_OVERDUE_ESCALATION, timeZone },
    { job: JobName.SweepFollowUps, cron: config.CRON_NIGHTLY_SWEEP, timeZone },
    { job: JobName.MonthEndSnapshot, cron: config.CRON_MONTH_END_SNAPSHOT, timeZone },
  ];
}
