import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger } from 'nestjs-pino';
import { createValidationPipe } from './common/validation.js';
import { RedisIoAdapter } from './realtime/redis-io.adapter.js';

/** The built web app; this file sits in backend/{src,dist}/. */
const WEB_APP_DIR = path.resolve(fileURLToPath(import.meta.url), '../../../frontend/dist');

/**
 * Everything main.ts and the e2e tests share: prefix, validation, logging, docs, web app, and
 * the socket.io adapter (shared through Redis when `redisUrl` is given).
 */
export async function configureApp(app: NestExpressApplication, options: { redisUrl?: string } = {}): Promise<INestApplication> {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  app.set('query parser', 'extended');
  // ADF/XML leads arrive as XML text (read by the intake module's own parser).
  app.useBodyParser('text', { type: ['application/xml', 'text/xml', 'application/*+xml'], limit: '2mb' });
  // Forwarded emails arrive raw (MIME), attachments included.
  app.useBodyParser('text', { type: 'message/rfc822', limit: '15mb' });
  if (options.redisUrl) {
    const adapter = new RedisIoAdapter(app, options.redisUrl);
    await adapter.connect();
    app.useWebSocketAdapter(adapter);
  }

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Autofunnel API')
      .setDescription('Sales-funnel CRM for car dealerships: funnels, stages, deals, contacts. See README for the contract.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  if (existsSync(WEB_APP_DIR)) {
    app.useStaticAssets(WEB_APP_DIR, { index: false });
    // Client-side routes (/login, /funnels/…) all load the single-page app.
    app.use((request: { method: string; path: string }, response: { sendFile(file: string): void }, next: () => void) => {
      if (request.method === 'GET' && !request.path.startsWith('/api') && !request.path.startsWith('/socket.io')) {
        response.sendFile(path.join(WEB_APP_DIR, 'index.html'));
      } else next();
    });
  }
  return app;
}
