/** DESIGN.md "Follow-ups and barriers". Each is a PostgreSQL enum: add values only with a migration. */
export enum FollowUpState {
  Open = 'open',
  Contacted = 'contacted',
  BarriersRecorded = 'barriers_recorded',
  Resolved = 'resolved',
  Cancelled = 'cancelled',
}
/** States in which a follow-up is still work to do (at most one per practice). */
export const ACTIVE_STATES = [FollowUpState.Open, FollowUpState.Contacted, FollowUpState.BarriersRecorded] as const;
export const isActive = (state: FollowUpState) => (ACTIVE_STATES as readonly FollowUpState[]).includes(state);

export enum ContactMethod {
  Phone = 'phone',
  Email = 'email',
  Visit = 'visit',
  Other = 'other',
}

export enum BarrierCategory {
  SystemNotCapable = 'system_not_capable',
  AwaitingSupplier = 'awaiting_supplier',
  StaffCapacity = 'staff_capacity',
  IdentityVerification = 'identity_verification',
  ClinicalSafety = 'clinical_safety',
  InformationGovernance = 'information_governance',
  RecordRedaction = 'record_redaction',
  TrainingNeeded = 'training_needed',
  LowPatientDemand = 'low_patient_demand',
  PracticePolicy = 'practice_policy',
  /** Needs a detail saying what. */
  Other = 'other',
}

/** The audit actions of the writes that change a follow-up's row in place: its history reads them back. */
export const FollowUpAction = {
  DueDate: 'follow_up.due_date',
  Owner: 'follow_up.owner',
} as const;
