import type { components, operations } from '../api/schema';

export type Practice = components['schemas']['PracticeDto'];
export type PracticePage = components['schemas']['PracticePageDto'];
export type StatusEvent = components['schemas']['StatusEventDto'];
export type ListSizeEntry = components['schemas']['ListSizeHistoryDto'];
export type ListQuery = NonNullable<operations['PracticesController_list']['parameters']['query']>;
