export * from './demo-data.reader';
export * from './figures.reference';
export * from './status-history.generator';
export { mulberry32, streamFor, hashString } from './prng';
export * from './demo.loader';
export * from './demo-people';
