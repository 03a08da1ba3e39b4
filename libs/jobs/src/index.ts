export * from './bull-root';
