import type { components } from '../api/schema';

export type FollowUpSummary = components['schemas']['FollowUpSummaryDto'];
export type FollowUpDetail = components['schemas']['FollowUpDetailDto'];
export type FollowUpState = FollowUpSummary['state'];
export type ServiceKey = FollowUpSummary['servicesNotOffered'][number];
export type ContactMethod = components['schemas']['RecordContactDto']['method'];
export type BarrierCategory = components['schemas']['BarrierInputDto']['category'];

/** Every value of an API enum, each with its words: a new value in the API fails the type check here. */
type Words<T extends string> = Record<T, string>;

export const STATE_WORDS: Words<FollowUpState> = {
  open: 'Open',
  contacted: 'Contacted',
  barriers_recorded: 'Barriers recorded',
  resolved: 'Resolved',
  cancelled: 'Cancelled',
};

/** The design system's tag colour per state: work to do in blue and orange, done in green, dropped in grey. */
export const STATE_TAG: Record<FollowUpState, string> = {
  open: 'nhsuk-tag--blue',
  contacted: 'nhsuk-tag--aqua-green',
  barriers_recorded: 'nhsuk-tag--orange',
  resolved: 'nhsuk-tag--green',
  cancelled: 'nhsuk-tag--grey',
};

/** The programme's names of its services (as on the dashboard). */
export const SERVICE_WORDS: Words<ServiceKey> = {
  appointments: 'Book or cancel appointments',
  prescriptions: 'View or order repeat prescriptions',
  records: 'View medical record',
};

export const METHOD_WORDS: Words<ContactMethod> = {
  phone: 'Phone',
  email: 'Email',
  visit: 'Visit',
  other: 'Other',
};

/** DESIGN.md's barrier taxonomy in words; the values (and their order) are the API's. */
export const BARRIER_WORDS: Words<BarrierCategory> = {
  system_not_capable: 'Clinical system not capable',
  awaiting_supplier: 'Waiting for the system supplier',
  staff_capacity: 'Staff capacity',
  identity_verification: 'Identity verification of patients',
  clinical_safety: 'Clinical safety concerns',
  information_governance: 'Information governance concerns',
  record_redaction: 'Record redaction',
  training_needed: 'Training needed',
  low_patient_demand: 'Low patient demand',
  practice_policy: 'Practice policy',
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
