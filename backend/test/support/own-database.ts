// Imported FIRST by a test file that needs a database of its own: one whose rules act on every
// deal (the follow-up job with a clock weeks ahead would otherwise close other files' deals in the
// shared test database). Runs after test/support/env.ts and before AppModule is imported, so
// ConfigModule validates this DATABASE_URL; the app migrates the empty database when it starts.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { dropDatabase, withDatabase } from '../../src/database/database-admin.js';

const sharedUrl = process.env.TEST_DB_URL;
if (!sharedUrl) throw new Error('TEST_DB_URL is not set: run the tests through jest (test/support/global-setup.ts sets it)');

/** The server's maintenance database, to create and drop databases from. */
const serverUrl = withDatabase(sharedUrl, 'postgres');
export const ownDatabaseName = `autofunnel_test_own_${Date.now()}_${randomUUID().slice(0, 8)}`;
// Set before the first await, so it is in place whatever module is evaluated next.
process.env.DATABASE_URL = withDatabase(sharedUrl, ownDatabaseName);

const client = new pg.Client({ connectionString: serverUrl });
await client.connect();
try {
  await client.query(`CREATE DATABASE "${ownDatabaseName}"`);
} finally {
  await client.end();
}

/** For afterAll, once every app using the database is closed. */
export function dropOwnDatabase(): Promise<void> {
  return dropDatabase(serverUrl, ownDatabaseName);
}
