// Starts the whole app for the browser tests: a fresh migrated database, then the built API
// (which serves the built web app and seeds the demo dealership on an empty database).
// jest loads this file with Node's own resolver, so it is plain ESM importing the compiled backend.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../../..');
const BACKEND_DIST = path.join(REPO, 'backend/dist');
const WEB_APP = path.join(REPO, 'frontend/dist/index.html');
// Its own port and data folder, apart from `npm start` (5499) and the backend tests (5498).
const EMBEDDED_PORT = Number(process.env.EMBEDDED_BROWSER_TEST_PG_PORT ?? 5495);
const STARTUP_TIMEOUT_MS = 90_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, server, output) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The API exited with code ${server.exitCode}:\n${output.join('')}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The API did not answer /api/health within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output.join('')}`);
}

export default async function globalSetup() {
  // Debian's Chromium (`apt-get install chromium`); CI installs it and must run these tests.
  process.env.CHROMIUM_PATH ??= '/usr/bin/chromium';
  if (!existsSync(process.env.CHROMIUM_PATH)) {
    const reason = `${process.env.CHROMIUM_PATH} not found (apt-get install chromium, or set CHROMIUM_PATH)`;
    if (process.env.CI) throw new Error(`Browser tests: ${reason}`);
    console.warn(`\nSkipping the browser tests: ${reason}.`);
    process.env.BROWSER_TESTS_SKIPPED = reason;
    return;
  }
  for (const [file, build] of [
    [path.join(BACKEND_DIST, 'main.js'), 'npm run build -w shared && npm run build -w backend'],
    [WEB_APP, 'npm run build -w frontend'],
  ]) {
    if (!existsSync(file)) throw new Error(`${path.relative(REPO, file)} is missing: run \`${build}\` first`);
  }
  const { createMigratedDatabase } = await import(path.join(BACKEND_DIST, 'database/database-admin.js'));
  const state = {};
  globalThis.__browserTests = state;

  let adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl) {
    const { DATA_ROOT, startEmbeddedPostgres } = await import(path.join(BACKEND_DIST, 'database/embedded-postgres.js'));
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(DATA_ROOT, 'postgres-browser-test'),
      port: EMBEDDED_PORT,
      database: 'postgres',
    });
    state.stopEmbedded = embedded.stop;
    adminUrl = embedded.url;
  }
  state.adminUrl = adminUrl;
  state.database = `autofunnel_browser_${Date.now()}_${process.pid}`;
  const databaseUrl = await createMigratedDatabase(adminUrl, state.database);

  const port = await freePort();
  const output = [];
  const server = spawn(process.execPath, [path.join(BACKEND_DIST, 'main.js')], {
    cwd: REPO,
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (chunk) => output.push(chunk.toString()));
  server.stderr.on('data', (chunk) => output.push(chunk.toString()));
  state.server = server;

  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server, output);
  process.env.BROWSER_TEST_BASE_URL = baseUrl;
  // For flows that let time pass by backdating rows (e.g. a request waiting past its SLA).
  process.env.BROWSER_TEST_DATABASE_URL = databaseUrl;
}
