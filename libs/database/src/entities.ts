import { AreaTeamEntity, CcgEntity, ListSizeEntity, PracticeEntity, RegionEntity } from '@app/practices';
import { AuditEntryEntity } from '@app/audit';
import { UserEntity } from '@app/people';
import { StatusEventEntity, StatusSpanEntity } from '@app/status';
import { ImportRunEntity, OnsCcgCodeEntity } from '@app/imports';

/** Every entity, listed explicitly: a glob pointing at the wrong tree silently finds none. */
export const ENTITIES = [
  RegionEntity, AreaTeamEntity, CcgEntity, PracticeEntity, ListSizeEntity, StatusEventEntity, StatusSpanEntity, ImportRunEntity, OnsCcgCodeEntity,
  UserEntity, AuditEntryEntity,
];
