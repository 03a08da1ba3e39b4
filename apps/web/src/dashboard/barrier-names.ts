import type { components } from '../api/schema';

export type BarrierReport = components['schemas']['BarrierReportDto'];
export type BarrierCategory = components['schemas']['BarrierReportRowDto']['category'];

/**
 * The barrier categories in words, in the order of DESIGN.md "Follow-ups and barriers" (the API sends
 * their codes). A category the API adds later shows by its code until it is named here.
 */
export const BARRIER_NAMES: Record<BarrierCategory, string> = {
  system_not_capable: 'Clinical system not capable',
  awaiting_supplier: 'Waiting for the supplier',
  staff_capacity: 'Staff capacity',
  identity_verification: 'Identity verification',
  clinical_safety: 'Clinical safety',
  information_governance: 'Information governance',
  record_redaction: 'Record redaction',
  training_needed: 'Training needed',
  low_patient_demand: 'Low patient demand',
  practice_policy: 'Practice policy',
  other: 'Other',
};

export const barrierName = (category: BarrierCategory) => BARRIER_NAMES[category] ?? category;
