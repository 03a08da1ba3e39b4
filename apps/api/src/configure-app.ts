import { INestApplication, RequestMethod } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@app/config';
import { mountQueueBoard } from './admin/queue-board';

export const API_PREFIX = 'api/v1';

/** Everything main.ts does to an app besides listening; the e2e tests call it too. */
export function configureApp(app: INestApplication): INestApplication {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.use(helmet());
  // Behind a load balancer, req.ip (and so the sign-in limit per address) must be the client's address.
  if (config.TRUST_PROXY_HOPS > 0) app.getHttpAdapter().getInstance().set('trust proxy', config.TRUST_PROXY_HOPS);
  // Closed unless configured: tokens travel in a header, so no cookies and no credentials mode.
  if (config.CORS_ORIGINS) {
    app.enableCors({
      origin: config.CORS_ORIGINS.split(',').map((origin) => origin.trim()),
      methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id', 'Retry-After'],
      maxAge: 600,
    });
  }
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.enableShutdownHooks();
  mountQueueBoard(app);
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApiConfig()));
  return app;
}

export function openApiConfig() {
  return new DocumentBuilder()
    .setTitle('Patient Online tracker')
    .setDescription(
      'GP practices, Patient Online service status history, follow-ups and roll-up figures (NHS England implementation support). ' +
        'Sign in with POST /api/v1/auth/login and send the accessToken as Authorization: Bearer <token>.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
}
