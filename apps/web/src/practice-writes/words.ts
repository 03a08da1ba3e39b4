import type { components } from '../api/schema';

export type Service = components['schemas']['RecordLevelDto']['service'];
export type Level = components['schemas']['RecordLevelDto']['level'];
export type ClinicalSystem = components['schemas']['PracticeDto']['clinicalSystem'];

/** The programme's names of its services (as on the dashboard). */
export const SERVICE_NAMES: Record<Service, string> = {
  appointments: 'Book or cancel appointments',
  prescriptions: 'View or order repeat prescriptions',
  records: 'View medical record',
};
export const SERVICE_KEYS = Object.keys(SERVICE_NAMES) as Service[];

/** POMI's levels in words, with the code the POMI files use beside them. */
export const LEVEL_NAMES: Record<Level, string> = {
  not_capable: 'Not capable (POMI 0)',
  capable: 'Capable, not enabled (POMI 1)',
  enabled: 'Enabled: patients can use it (POMI 2)',
};
export const LEVEL_KEYS = Object.keys(LEVEL_NAMES) as Level[];

/** A level as the API may give it, "unknown" (nothing recorded) included. */
export const levelName = (level: Level | 'unknown') =>
  level === 'unknown' ? 'Unknown (nothing recorded)' : LEVEL_NAMES[level];

export const CLINICAL_SYSTEMS: ClinicalSystem[] = ['EMIS', 'TPP', 'INPS', 'MICROTEST', 'OTHER', 'UNKNOWN'];
