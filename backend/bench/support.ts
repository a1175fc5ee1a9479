/** What both benchmarks share: the real app on a fresh database, a signed-in admin, timing and tables. */
import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import * as argon2 from 'argon2';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
// Compiled backend (`npm run bench` builds it first).
import { configureApp } from '../dist/app.setup.js';
import { createMigratedDatabase, dropDatabase } from '../dist/database/database-admin.js';
import { DATA_ROOT, startEmbeddedPostgres } from '../dist/database/embedded-postgres.js';

/** The API as one user, JSON bodies. */
export type BenchApi = (route: string, init?: RequestInit) => Promise<Response>;

export interface BenchApp {
  dataSource: DataSource;
  /** The API as the bench admin. */
  api: BenchApi;
  /** The API as a new user of `role` in `branchId` (visibility by role applies to them). */
  apiAs(role: 'lead' | 'manager', branchId: string): Promise<BenchApi & { userId: string }>;
}

/**
 * Runs `bench` against the API on a fresh database on BENCH_DATABASE_URL / TEST_DATABASE_URL /
 * DATABASE_URL's server (else the embedded one), with `env` set, then drops the database.
 */
export async function withBenchApp(name: string, env: Record<string, string>, bench: (app: BenchApp) => Promise<void>): Promise<void> {
  let adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let stopEmbedded: () => Promise<void> = async () => undefined;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_ROOT, 'postgres-bench'), port: 5494, database: 'postgres' });
    adminUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const database = `autofunnel_bench_${name}_${process.pid}`;
  Object.assign(process.env, { DATABASE_URL: await createMigratedDatabase(adminUrl, database), LOG_LEVEL: 'silent', ...env });
  const { AppModule } = await import('../dist/app.module.js');
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger: ['error'], abortOnError: false });
  try {
    await configureApp(app);
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const dataSource = app.get(DataSource);
    const apiWith =
      (auth: { Authorization: string }): BenchApi =>
      (route, init = {}) =>
        fetch(`${base}/api${route}`, { ...init, headers: { 'content-type': 'application/json', ...auth, ...(init.headers ?? {}) } });
    const api = apiWith(await signIn(dataSource, base, 'admin', null));
    const apiAs = async (role: 'lead' | 'manager', branchId: string) => {
      const auth = await signIn(dataSource, base, role, branchId);
      const [{ id }] = (await dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [emailOf(role, branchId)])) as { id: string }[];
      return Object.assign(apiWith(auth), { userId: id });
    };
    await bench({ dataSource, api, apiAs });
  } finally {
    await app.close();
    await dropDatabase(adminUrl, database);
    await stopEmbedded();
  }
}

const emailOf = (role: string, branchId: string | null) => `${role}-${branchId ?? 'all'}@bench.local`;

async function signIn(dataSource: DataSource, base: string, role: 'admin' | 'lead' | 'manager', branchId: string | null): Promise<{ Authorization: string }> {
  const email = emailOf(role, branchId);
  await dataSource.query(`INSERT INTO app_user (email, name, role, branch_id, password_hash) VALUES ($1, $2, $3, $4, $5)`, [
    email,
    `Bench ${role}`,
    role,
    branchId,
    await argon2.hash('bench-password'),
  ]);
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'bench-password' }),
  });
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { Authorization: `Bearer ${accessToken}` };
}

export interface Timing {
  p50: number;
  p95: number;
}

/** p50 and p95 of `runs` requests, after one warm-up request. */
export async function timed(request: () => Promise<Response>, runs: number): Promise<Timing> {
  await (await request()).arrayBuffer();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const response = await request();
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`bench request answered ${response.status}`);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(runs * 0.5)], p95: samples[Math.floor(runs * 0.95)] };
}

export const fmt = ({ p50, p95 }: Timing) => `${p50.toFixed(1)} / ${p95.toFixed(1)}`;

export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  rows.forEach((row) => console.log(line(row)));
}

/** Runs a bench's main, reporting a failure as the exit code. */
export function run(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
