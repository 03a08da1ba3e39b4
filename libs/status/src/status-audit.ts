import { Level, Service } from '@app/domain';

/** The audit action of a manual status write. */
export const STATUS_RECORD_ACTION = 'status.record';

/**
 * `details` of a `status.record` audit entry. Its one writer is record_status_event
 * (libs/status/src/sql/record-status-event.sql), which builds it in SQL beside the event it records;
 * test/foundation/sql-payloads.e2e-spec.ts checks the rows it writes against this shape, and the rest of
 * the row against what AuditService writes.
 */
export interface StatusRecordAuditDetails {
  /** The status event's id (a bigint, as text). */
  eventId: string;
  service: Service;
  level: Level;
  effectiveDate: string;
  note: string | null;
}
