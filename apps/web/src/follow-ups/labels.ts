import type { components } from '../api/schema';
import type { FollowUpState } from '../common/words';

export type FollowUpSummary = components['schemas']['FollowUpSummaryDto'];
export type FollowUpDetail = components['schemas']['FollowUpDetailDto'];
export type ContactMethod = components['schemas']['RecordContactDto']['method'];

/** Every value of an API enum, each with its words: a new value in the API fails the type check here. */
type Words<T extends string> = Record<T, string>;

/** The design system's tag colour per state: work to do in blue and orange, done in green, dropped in grey. */
export const STATE_TAG: Record<FollowUpState, string> = {
  open: 'nhsuk-tag--blue',
  contacted: 'nhsuk-tag--aqua-green',
  barriers_recorded: 'nhsuk-tag--orange',
  resolved: 'nhsuk-tag--green',
  cancelled: 'nhsuk-tag--grey',
};

export const METHOD_WORDS: Words<ContactMethod> = {
  phone: 'Phone',
  email: 'Email',
  visit: 'Visit',
  other: 'Other',
};

export const entries = <T extends string>(words: Words<T>) => Object.entries(words) as [T, string][];

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** 2014-10-20 → 20 October 2014 (a calendar date: no time zone moves it). */
export const dateText = (isoDate: string) => DATE.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
/** An instant in London time, as the service's users live it: 6 October 2014 at 09:00. */
export const dateTimeText = (instant: string) => DATE_TIME.format(new Date(instant));

export const isActive = (state: FollowUpState) =>
  state === 'open' || state === 'contacted' || state === 'barriers_recorded';
