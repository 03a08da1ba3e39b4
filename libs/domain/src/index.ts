/**
 * The domain's words and rules without any framework (no Nest, no HTTP, no database): services, levels,
 * code shapes, roles, calendar dates, the clock and the domain errors. The API, the worker and the import
 * parsers all import them from here.
 */
export * from './calendar-date';
export * from './clock';
export * from './codes';
export * from './errors';
export * from './roles';
export * from './words';
