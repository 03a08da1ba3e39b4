import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { calendarDateIn } from './calendar-date';

/** The one source of "now" and "today", so tests (and the digest) can run on a fake clock. */
@Injectable()
export class Clock {
  private offsetMs = 0;

  constructor(private readonly config: AppConfig) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Today's calendar date in the configured zone (Europe/London). */
  today(): string {
    return calendarDateIn(this.now(), this.config.APP_TIME_ZONE);
  }

  /** The calendar date of an instant in the configured zone (the day something was recorded on). */
  dateOf(instant: Date): string {
    return calendarDateIn(instant, this.config.APP_TIME_ZONE);
  }

  /** Test hook: move this clock so that now() returns `instant`. */
  setNow(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }
}
