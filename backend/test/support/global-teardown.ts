import { dropDatabase } from '../../dist/database/database-admin.js';

export default async function globalTeardown(): Promise<void> {
  await dropDatabase(process.env.TEST_ADMIN_DB_URL!, process.env.TEST_DB_NAME!);
  await (globalThis as { stopEmbeddedTestDatabase?: () => Promise<void> }).stopEmbeddedTestDatabase?.();
}
