export * from './bull-root';
export * from './imports.queue';
