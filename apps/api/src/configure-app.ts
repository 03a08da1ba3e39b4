import { RequestMethod } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger, PinoLogger } from 'nestjs-pino';
import { errorName } from '@app/http';
import { AppConfig } from '@app/config';
import { mountQueueBoard, QUEUE_BOARD_SIGN_IN } from './admin/queue-board';
import { useBodyParsers } from './http/body-parsers';
import { requestIdFor } from './http/request-id';
import { addRequestLogging } from './http/request-logging';
import { addResponseHeaders } from './http/security-headers';
import { serveWebApp } from './web/web-app';

export const API_PREFIX = 'api/v1';

/** Largest JSON body accepted (Express's old default): every DTO of the API fits many times over. */
const JSON_BODY_LIMIT = 100 * 1024;

/**
 * The HTTP server under Nest: Fastify, chosen for its cost per request (docs/decisions.md "Where a
 * write's CPU goes": on Express the framework alone used half of a write's CPU budget).
 */
export function apiAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    // Behind a load balancer, req.ip (and so the sign-in limit per address) must be the client's address.
    trustProxy: config.TRUST_PROXY_HOPS > 0 ? config.TRUST_PROXY_HOPS : false,
    bodyLimit: JSON_BODY_LIMIT,
    genReqId: requestIdFor,
    // Never answer a HEAD of its own for a GET route: what is not in the access matrix is not served.
    exposeHeadRoutes: false,
    // Errors Fastify finds before any route runs (a malformed percent-encoding in the URL…): still the
    // API's one error shape, not Fastify's own.
    frameworkErrors: (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      void reply.code(status).send({
        status,
        error: errorName(status),
        message: `The request cannot be read: ${error.message}`,
        problems: [],
        requestId: String(req.id),
      });
    },
  });
}

/** Everything main.ts does to an app besides listening; the e2e tests call it too. Call before `init`. */
export async function configureApp(app: NestFastifyApplication): Promise<NestFastifyApplication> {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  // Outside any request, a PinoLogger's logger is the root one that every line of the API goes through.
  addRequestLogging(fastify, (await app.resolve(PinoLogger)).logger, {
    routesWithoutQuery: [QUEUE_BOARD_SIGN_IN],
  });
  addResponseHeaders(fastify);
  useBodyParsers(app);
  // Multipart bodies are read only by the upload route, streaming, with its limits (ImportUploadReader).
  await app.register(multipart);
  // Only the web app's session routes read a cookie (auth/session.controller.ts).
  await app.register(cookie);
  // Closed unless configured: scripts send tokens in a header, and the web app's session cookie is for its own
  // origin only (SameSite=Strict), so no credentials mode.
  if (config.CORS_ORIGINS) {
    app.enableCors({
      origin: config.CORS_ORIGINS.split(',').map((origin) => origin.trim()),
      methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id', 'Retry-After'],
      maxAge: 600,
    });
  }
  setApiPrefix(app);
  app.enableShutdownHooks();
  await mountQueueBoard(app);
  SwaggerModule.setup('docs', app, () => openApiDocument(app));
  await serveWebApp(app);
  return app;
}

/** Every route under /api/v1 but the health check. */
export function setApiPrefix(app: NestFastifyApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.GET }] });
}

/**
 * The OpenAPI document served at /docs-json. It reads only the controllers' metadata, so it can also be
 * built from an app created in preview mode, with no database (scripts/web-api-types.ts).
 */
export function openApiDocument(app: NestFastifyApplication): OpenAPIObject {
  return SwaggerModule.createDocument(app, openApiConfig());
}

export function openApiConfig() {
  return new DocumentBuilder()
    .setTitle('Patient Online tracker')
    .setDescription(
      'GP practices, Patient Online service status history, follow-ups and roll-up figures (NHS England ' +
        'implementation support). ' +
        'Sign in with POST /api/v1/auth/login and send the accessToken as Authorization: Bearer <token>.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
}
