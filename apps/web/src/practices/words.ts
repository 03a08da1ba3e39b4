import type { components, operations } from '../api/schema';

export type Practice = components['schemas']['PracticeDto'];
export type PracticePage = components['schemas']['PracticePageDto'];
export type CurrentLevel = Practice['services']['records']['level'];
export type Level = Exclude<CurrentLevel, 'unknown'>;
export type ClinicalSystem = Practice['clinicalSystem'];
export type StatusEvent = components['schemas']['StatusEventDto'];
export type ListSizeEntry = components['schemas']['ListSizeHistoryDto'];
export type ListQuery = NonNullable<operations['PracticesController_list']['parameters']['query']>;

type TagColour = 'green' | 'yellow' | 'red' | 'grey';

/**
 * Each level in words, its POMI code (0, 1, 2) and its tag's colour. The words carry the meaning; the
 * colour only repeats it (WCAG 1.4.1).
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

export const CLINICAL_SYSTEMS: { value: ClinicalSystem; name: string }[] = [
  { value: 'EMIS', name: 'EMIS' },
  { value: 'TPP', name: 'TPP' },
  { value: 'INPS', name: 'INPS' },
  { value: 'MICROTEST', name: 'Microtest' },
  { value: 'OTHER', name: 'Other' },
  { value: 'UNKNOWN', name: 'Not known' },
];

export const systemName = (system: ClinicalSystem) => CLINICAL_SYSTEMS.find((s) => s.value === system)?.name ?? system;

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

/** 12,345: a count as the API gives it, with thousands separators. */
export const count = (n: number) => n.toLocaleString('en-GB');
