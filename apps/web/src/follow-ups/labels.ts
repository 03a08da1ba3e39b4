import type { components } from '../api/schema';
import type { FollowUpState } from '../common/words';
import { longDate } from '../common/formats';

export type FollowUpSummary = components['schemas']['FollowUpSummaryDto'];
export type FollowUpDetail = components['schemas']['FollowUpDetailDto'];
export type ContactMethod = components['schemas']['RecordContactDto']['method'];

/** Every value of an API enum, each with its words: a new value in the API fails the type check here. */
type Words<T extends string> = Record<T, string>;

export const METHOD_WORDS: Words<ContactMethod> = {
  phone: 'Phone',
  email: 'Email',
  visit: 'Visit',
  other: 'Other',
};

export const entries = <T extends string>(words: Words<T>) => Object.entries(words) as [T, string][];

/** 2014-10-20 → 20 October 2014 (a calendar date: no time zone moves it). */
export const dateText = (isoDate: string) => longDate(isoDate.slice(0, 10));

export const isActive = (state: FollowUpState) =>
  state === 'open' || state === 'contacted' || state === 'barriers_recorded';
