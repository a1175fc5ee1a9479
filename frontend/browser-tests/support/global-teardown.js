import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BACKEND_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../backend/dist');

/** Stops the API, drops the test database and stops the embedded PostgreSQL if one was started. */
export default async function globalTeardown() {
  const state = globalThis.__browserTests;
  if (!state) return;
  const { server } = state;
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (state.adminUrl && state.database) {
    const { dropDatabase } = await import(path.join(BACKEND_DIST, 'database/database-admin.js'));
    await dropDatabase(state.adminUrl, state.database);
  }
  await state.stopEmbedded?.();
}
