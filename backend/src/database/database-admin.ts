import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.js';

/** The URL of another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** (Re)creates `database` on the server of `adminUrl`, runs every migration, returns its URL. */
export async function createMigratedDatabase(adminUrl: string, database: string): Promise<string> {
  await dropDatabase(adminUrl, database);
  await onServer(adminUrl, (client) => client.query(`CREATE DATABASE "${database}"`));
  const url = withDatabase(adminUrl, database);
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
  return url;
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  await onServer(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
}

async function onServer(adminUrl: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
