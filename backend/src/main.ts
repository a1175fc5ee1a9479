import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import type { AppEnvironment } from './config/env.js';
import { EMBEDDED_APP_DATABASE } from './database/embedded-defaults.js';
import { DATA_ROOT, startEmbeddedPostgres } from './database/embedded-postgres.js';
import { seedDemoDataIfEmpty } from './database/seed/seed.js';

async function bootstrap(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    const dataDir = path.join(DATA_ROOT, EMBEDDED_APP_DATABASE.dirName);
    console.log(`DATABASE_URL is not set: starting the embedded PostgreSQL in ${dataDir} (port ${EMBEDDED_APP_DATABASE.port})`);
    const embedded = await startEmbeddedPostgres({ ...EMBEDDED_APP_DATABASE, dataDir });
    process.env.DATABASE_URL = embedded.url;
  }
  // Migrations run as the app starts (TypeORM `migrationsRun`), then the demo data on an empty database.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  const config = app.get(ConfigService<AppEnvironment, true>);
  await configureApp(app, { redisUrl: config.get('REDIS_URL', { infer: true }) });
  await seedDemoDataIfEmpty(app.get(DataSource));
  const port = config.get('PORT', { infer: true });
  await app.listen(port);
  console.log(`Autofunnel is running on http://localhost:${port} (API docs: http://localhost:${port}/api/docs)`);
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
