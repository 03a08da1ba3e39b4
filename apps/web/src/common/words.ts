import type { components } from '../api/schema';

/*
 * The app's words for the API's codes: services, levels, clinical systems, follow-up states and barrier
 * categories. Each table covers every value of its API enum, so a new value in the API fails the type
 * check here rather than showing a code on some page.
 */

export type Service = components['schemas']['RecordLevelDto']['service'];
export type CurrentLevel = components['schemas']['PracticeDto']['services']['records']['level'];
export type Level = components['schemas']['RecordLevelDto']['level'];
export type ClinicalSystem = components['schemas']['PracticeDto']['clinicalSystem'];
export type FollowUpState = components['schemas']['FollowUpSummaryDto']['state'];
export type BarrierCategory = components['schemas']['BarrierInputDto']['category'];

/** The programme's names of its three services (the API's text uses the same words). */
export const SERVICE_NAMES: Record<Service, string> = {
  appointments: 'Book or cancel appointments',
  prescriptions: 'View or order repeat prescriptions',
  records: 'View medical record',
};
/** A service's name inside a sentence ("not offering view medical record today"). */
export const serviceInSentence = (service: Service) =>
  SERVICE_NAMES[service].charAt(0).toLowerCase() + SERVICE_NAMES[service].slice(1);
export const SERVICE_KEYS = Object.keys(SERVICE_NAMES) as Service[];
/** The services in the programme's order, each with its name. */
export const SERVICES: { key: Service; name: string }[] = SERVICE_KEYS.map((key) => ({
  key,
  name: SERVICE_NAMES[key],
}));

type TagColour = 'green' | 'yellow' | 'red' | 'grey';

/**
 * Each level in words, its POMI code (0, 1, 2) and its tag's colour, as the practices' pages show a level.
 * The words carry the meaning; the colour only repeats it (WCAG 1.4.1).
 */
export const LEVELS: Record<CurrentLevel, { words: string; code: string | null; colour: TagColour }> = {
  not_capable: { words: 'Not capable', code: '0', colour: 'red' },
  capable: { words: 'Capable, not enabled', code: '1', colour: 'yellow' },
  enabled: { words: 'Enabled', code: '2', colour: 'green' },
  unknown: { words: 'No status recorded', code: null, colour: 'grey' },
};

/** "Capable, not enabled (POMI 1)": the words and the code together, as tables and lists write a level. */
export const levelText = (level: CurrentLevel) =>
  LEVELS[level].code === null ? LEVELS[level].words : `${LEVELS[level].words} (POMI ${LEVELS[level].code})`;

/**
 * POMI's levels as the status change form offers them, with the code the POMI files use beside them: the
 * tables' words, except that "enabled" says what it means for patients (the form is where it is chosen).
 */
export const LEVEL_NAMES: Record<Level, string> = {
  not_capable: levelText('not_capable'),
  capable: levelText('capable'),
  enabled: 'Enabled: patients can use it (POMI 2)',
};
export const LEVEL_KEYS = Object.keys(LEVEL_NAMES) as Level[];

/** A level as the API may give it, "unknown" (nothing recorded) included, in the form's words. */
export const levelName = (level: Level | 'unknown') =>
  level === 'unknown' ? 'Unknown (nothing recorded)' : LEVEL_NAMES[level];

export const CLINICAL_SYSTEMS: { value: ClinicalSystem; name: string }[] = [
  { value: 'EMIS', name: 'EMIS' },
  { value: 'TPP', name: 'TPP' },
  { value: 'INPS', name: 'INPS' },
  { value: 'MICROTEST', name: 'Microtest' },
  { value: 'OTHER', name: 'Other' },
  { value: 'UNKNOWN', name: 'Not known' },
];

export const systemName = (system: ClinicalSystem) => CLINICAL_SYSTEMS.find((s) => s.value === system)?.name ?? system;

export const STATE_WORDS: Record<FollowUpState, string> = {
  open: 'Open',
  contacted: 'Contacted',
  barriers_recorded: 'Barriers recorded',
  resolved: 'Resolved',
  cancelled: 'Cancelled',
};

/**
 * DESIGN.md's barrier taxonomy in words, as the follow-up's forms and history write it; the values (and
 * their order) are the API's.
 */
export const BARRIER_WORDS: Record<BarrierCategory, string> = {
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

/**
 * The barrier categories' shorter names for the dashboard's report, in the order of DESIGN.md "Follow-ups
 * and barriers" (the API sends their codes). A category the API adds later shows by its code until it is
 * named here.
 */
export const BARRIER_NAMES: Record<BarrierCategory, string> = {
  // The follow-up's words, shortened where they would crowd the report's chart and table.
  ...BARRIER_WORDS,
  awaiting_supplier: 'Waiting for the supplier',
  identity_verification: 'Identity verification',
  clinical_safety: 'Clinical safety',
  information_governance: 'Information governance',
};

export const barrierName = (category: BarrierCategory) => BARRIER_NAMES[category] ?? category;
