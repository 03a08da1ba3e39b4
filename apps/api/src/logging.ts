import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@app/config';

/**
 * Structured JSON logs through pino, at LOG_LEVEL. nestjs-pino gives Nest's Logger its pino; the request
 * lines and the request id on every line of a request come from Fastify hooks (http/request-logging.ts),
 * so none of its pino-http middleware is mounted.
 */
export const LoggingModule = LoggerModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => ({ forRoutes: [], pinoHttp: { level: config.LOG_LEVEL } }),
});
