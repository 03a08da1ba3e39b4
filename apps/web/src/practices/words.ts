import type { components, operations } from '../api/schema';

export type Practice = components['schemas']['PracticeDto'];
export type PracticePage = components['schemas']['PracticePageDto'];
export type StatusEvent = components['schemas']['StatusEventDto'];
export type ListSizeEntry = components['schemas']['ListSizeHistoryDto'];
export type ListQuery = NonNullable<operations['PracticesController_list']['parameters']['query']>;

/** 1 April 2014 at 09:30, an instant in London's time (when something was recorded). */
export function dateTime(instant: string): string {
  const at = new Date(instant);
  return `${LONDON_DAY.format(at)} at ${LONDON_TIME.format(at)}`;
}
const LONDON_DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

export { longDate } from '../dashboard/month-end';
