/**
 * Data source for the TypeORM CLI (`npm run migration:run`, `migration:generate`): the server in
 * DATABASE_URL, or else the same embedded PostgreSQL `npm start` uses (stopped when the CLI exits).
 */
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.js';
import { DATA_ROOT, startEmbeddedPostgres } from './embedded-postgres.js';
import { EMBEDDED_APP_DATABASE } from './embedded-defaults.js';

const url =
  process.env.DATABASE_URL ??
  (await startEmbeddedPostgres({ ...EMBEDDED_APP_DATABASE, dataDir: path.join(DATA_ROOT, EMBEDDED_APP_DATABASE.dirName) })).url;

export default new DataSource(dataSourceOptions(url));
