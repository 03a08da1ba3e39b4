import { calendarDateIn } from './calendar-date';

/**
 * The one source of "now" and "today", so tests (and the digest) can run on a fake clock. Framework-free:
 * the HTTP lib's ClockModule makes the one instance of the app from the configured zone.
 */
export class Clock {
  private offsetMs = 0;

  /** `timeZone`: where calendar dates are reckoned (APP_TIME_ZONE, Europe/London). */
  constructor(readonly timeZone: string) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Today's calendar date in the configured zone. */
  today(): string {
    return calendarDateIn(this.now(), this.timeZone);
  }

  /** The calendar date of an instant in the configured zone (the day something was recorded on). */
  dateOf(instant: Date): string {
    return calendarDateIn(instant, this.timeZone);
  }

  /** Test hook: move this clock so that now() returns `instant`. */
  setNow(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }
}
