export * from './month-end-snapshot.entity';
export * from './month-end-figures';
export * from './snapshots.module';
export * from './snapshots.service';
