export * from './data-source-options';
export * from './database-admin';
export * from './database.module';
export * from './dependency-checks';
export * from './sql';
