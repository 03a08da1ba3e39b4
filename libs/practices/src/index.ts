export * from './ccg.entity';
export * from './list-size.entity';
export * from './practice.entity';
export * from './region.entity';
export * from './practices.dto';
export * from './practices.module';
export * from './practices.service';
export { PracticesRepository } from './practices.repository';
export type { LockedPractice } from './practices.repository';
