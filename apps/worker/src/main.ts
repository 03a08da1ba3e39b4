import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@app/config';
import { checkDependencies, StartupError } from '@app/database';
import { WorkerModule } from './worker.module';

async function bootstrap() {
  const config = loadConfig();
  await checkDependencies(config);
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT close the app: Bull's close() lets the active job finish first.
  app.enableShutdownHooks();
  await app.init();
  console.log(`Worker running (Redis ${config.REDIS_HOST}:${config.REDIS_PORT}, prefix "${config.REDIS_PREFIX}")`);
}

bootstrap().catch((err) => {
  console.error(err instanceof ConfigError || err instanceof StartupError ? err.message : err);
  process.exit(1);
});
