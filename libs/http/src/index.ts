/** What the API needs from Nest and Fastify around the domain: access decorators, validation, errors as HTTP. */
export * from './access';
export * from './clock.module';
export * from './csv';
export * from './database-unavailable';
export * from './http-error.filter';
export * from './loggable-url';
export * from './pagination';
export * from './validation';
export * from './validators';
