// jest loads global setup with Node's own resolver, not jest's, so this file imports the
// compiled backend (`npm test` builds it first): the migrations it runs are the ones `npm start` runs.
import path from 'node:path';
import { createMigratedDatabase } from '../../dist/database/database-admin.js';
import { EMBEDDED_TEST_DATABASE } from '../../dist/database/embedded-defaults.js';
import { DATA_ROOT, startEmbeddedPostgres } from '../../dist/database/embedded-postgres.js';

/**
 * One fresh database per `npm test` run, migrated once, on TEST_DATABASE_URL / DATABASE_URL's
 * server or else an embedded one. Test files create their own users and funnels in it, so they
 * run in parallel and in any order.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(DATA_ROOT, EMBEDDED_TEST_DATABASE.dirName),
      port: EMBEDDED_TEST_DATABASE.port,
      database: 'postgres',
    });
    (globalThis as { stopEmbeddedTestDatabase?: () => Promise<void> }).stopEmbeddedTestDatabase = embedded.stop;
    adminUrl = embedded.url;
  }
  const database = `autofunnel_test_${Date.now()}_${process.pid}`;
  process.env.TEST_ADMIN_DB_URL = adminUrl;
  process.env.TEST_DB_NAME = database;
  process.env.TEST_DB_URL = await createMigratedDatabase(adminUrl, database);
}
