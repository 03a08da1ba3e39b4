/** The domain's words (DESIGN.md "Words"), shared by every feature. */
export enum Service {
  Appointments = 'appointments',
  Prescriptions = 'prescriptions',
  Records = 'records',
}
export const SERVICES = [Service.Appointments, Service.Prescriptions, Service.Records] as const;

/** POMI levels 0/1/2, in order: the database enum keeps this order so `level >= 'capable'` works. */
export enum Level {
  NotCapable = 'not_capable',
  Capable = 'capable',
  Enabled = 'enabled',
}
export const LEVELS = [Level.NotCapable, Level.Capable, Level.Enabled] as const;

export enum ClinicalSystem {
  EMIS = 'EMIS',
  TPP = 'TPP',
  INPS = 'INPS',
  MICROTEST = 'MICROTEST',
  OTHER = 'OTHER',
  UNKNOWN = 'UNKNOWN',
}

export enum RecordSource {
  Manual = 'manual',
  Import = 'import',
}
