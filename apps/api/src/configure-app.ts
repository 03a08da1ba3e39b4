import { INestApplication, RequestMethod } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { mountQueueBoard } from './admin/queue-board';

export const API_PREFIX = 'api/v1';

/** Everything main.ts does to an app besides listening; the e2e tests call it too. */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.use(helmet());
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.enableShutdownHooks();
  mountQueueBoard(app);
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApiConfig()));
  return app;
}

export function openApiConfig() {
  return new DocumentBuilder()
    .setTitle('Patient Online tracker')
    .setDescription('GP practices, Patient Online service status history, follow-ups and roll-up figures (NHS England implementation support)')
    .setVersion('1')
    .addBearerAuth()
    .build();
}
