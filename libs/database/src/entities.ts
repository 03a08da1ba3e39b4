import { FollowUpBarrierEntity, FollowUpContactEntity, FollowUpEntity } from '@app/follow-ups';
import { OutboxEntity } from '@app/jobs';
import {
  AreaTeamEntity,
  CcgEntity,
  ClinicalSystemReportEntity,
  ListSizeEntity,
  PracticeEntity,
  RegionEntity,
} from '@app/practices';
import { AuditEntryEntity } from '@app/audit';
import { UserEntity } from '@app/people';
import { ReminderEntity } from '@app/reminders';
import { MonthEndSnapshotEntity } from '@app/snapshots';
import { StatusEventEntity, StatusSpanEntity } from '@app/status';
import { ImportRunEntity, OnsCcgCodeEntity } from '@app/imports';

/** Every entity, listed explicitly: a glob pointing at the wrong tree silently finds none. */
export const ENTITIES = [
  RegionEntity,
  AreaTeamEntity,
  CcgEntity,
  PracticeEntity,
  ClinicalSystemReportEntity,
  ListSizeEntity,
  StatusEventEntity,
  StatusSpanEntity,
  ImportRunEntity,
  OnsCcgCodeEntity,
  UserEntity,
  AuditEntryEntity,
  OutboxEntity,
  FollowUpEntity,
  FollowUpContactEntity,
  FollowUpBarrierEntity,
  ReminderEntity,
  MonthEndSnapshotEntity,
];
