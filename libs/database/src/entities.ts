import { AreaTeamEntity, CcgEntity, ListSizeEntity, PracticeEntity, RegionEntity } from '@app/practices';
import { StatusEventEntity, StatusSpanEntity } from '@app/status';
import { ImportRunEntity, OnsCcgCodeEntity } from '@app/imports';

/** Every entity, listed explicitly: a glob pointing at the wrong tree silently finds none. */
export const ENTITIES = [RegionEntity, AreaTeamEntity, CcgEntity, PracticeEntity, ListSizeEntity, StatusEventEntity, StatusSpanEntity, ImportRunEntity, OnsCcgCodeEntity];
