import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError, loadConfig } from '@app/config';
import { AppModule } from './app.module';
import { apiAdapter, configureApp } from './configure-app';
import { checkDependencies, StartupError } from '@app/database';
import { resolveJwtSecret } from '@app/people';

async function bootstrap() {
  const config = loadConfig();
  resolveJwtSecret(config); // in production: no JWT_SECRET, no start (one line, before anything else)
  await checkDependencies(config);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, apiAdapter(config), { bufferLogs: true });
  await configureApp(app);
  // Every interface, as Express did (Fastify alone would take localhost only): compose reaches the API
  // from other containers. IPv6 and IPv4 together where the host has IPv6, IPv4 alone otherwise.
  await app.listen(config.PORT, '::').catch((err: NodeJS.ErrnoException) => {
    if (err?.code !== 'EAFNOSUPPORT' && err?.code !== 'EADDRNOTAVAIL') throw err;
    return app.listen(config.PORT, '0.0.0.0');
  });
  console.log(
    `API listening on http://localhost:${config.PORT}/api/v1 (docs: http://localhost:${config.PORT}/docs, health: http://localhost:${config.PORT}/health)`,
  );
}

bootstrap().catch((err: NodeJS.ErrnoException & { port?: number }) => {
  if (err instanceof ConfigError) console.error(err.message);
  else if (err instanceof StartupError) console.error(err.message);
  else if (err?.code === 'EADDRINUSE')
    console.error(`Port ${err.port} is already in use (another API or demo still running?): stop it or set PORT.`);
  else console.error(err);
  process.exit(1);
});
