/**
 * `npm run bench`: how the board, the deal list and take-into-work scale, measured against the
 * real API and PostgreSQL (BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL's server, else
 * the embedded one). Prints figures and ratios; asserts nothing.
 */
import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import * as argon2 from 'argon2';
import { generateNKeysBetween } from 'fractional-indexing';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
// Compiled backend (`npm run bench` builds it first).
import { configureApp } from '../dist/app.setup.js';
import { createMigratedDatabase, dropDatabase } from '../dist/database/database-admin.js';
import { DATA_ROOT, startEmbeddedPostgres } from '../dist/database/embedded-postgres.js';

const SIZES = [1_000, 20_000];
const RUNS = 40;
const TAKES = 200;

interface Funnel {
  id: string;
  stages: { id: string; kind: string }[];
}

async function main(): Promise<void> {
  let adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let stopEmbedded: () => Promise<void> = async () => undefined;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_ROOT, 'postgres-bench'), port: 5494, database: 'postgres' });
    adminUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const database = `autofunnel_bench_${process.pid}`;
  process.env.DATABASE_URL = await createMigratedDatabase(adminUrl, database);
  process.env.LOG_LEVEL = 'silent';
  const { AppModule } = await import('../dist/app.module.js');
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger: ['error'], abortOnError: false });
  try {
    await configureApp(app);
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const dataSource = app.get(DataSource);
    const auth = await signIn(dataSource, base);
    const api = (route: string, init: RequestInit = {}) =>
      fetch(`${base}/api${route}`, { ...init, headers: { 'content-type': 'application/json', ...auth, ...(init.headers ?? {}) } });

    console.log(`Board, list and take-into-work on PostgreSQL (${RUNS} runs each; ms)\n`);
    const rows: string[][] = [];
    const medians: Record<string, number[]> = { board: [], list: [], deepList: [] };
    for (const size of SIZES) {
      const funnel = (await (await api('/funnels', { method: 'POST', body: JSON.stringify({ name: `Bench ${size}` }) })).json()) as Funnel;
      await insertDeals(dataSource, funnel, size);
      const board = await timed(() => api(`/funnels/${funnel.id}/board?limit=50`));
      const list = await timed(() => api(`/deals?funnelId=${funnel.id}&limit=50&sort=amount`));
      const cursor = await deepCursor(api, funnel.id, 10);
      const deepList = await timed(() => api(`/deals?funnelId=${funnel.id}&limit=50&sort=amount&cursor=${cursor}`));
      medians.board.push(board.p50);
      medians.list.push(list.p50);
      medians.deepList.push(deepList.p50);
      rows.push([`${size} deals`, fmt(board), fmt(list), fmt(deepList)]);
    }
    printTable(['funnel size', 'board p50 / p95', 'list page 1 p50 / p95', 'list page 11 p50 / p95'], rows);
    const ratio = (values: number[]) => (values[1] / values[0]).toFixed(2);
    console.log(`\nratio ${SIZES[1]}/${SIZES[0]} deals: board ×${ratio(medians.board)}, list ×${ratio(medians.list)}, page 11 ×${ratio(medians.deepList)}` +
      ` (data ×${SIZES[1] / SIZES[0]})`);

    const takes = await takeThroughput(api, dataSource);
    console.log(`\ntake into work, ${TAKES} deals: sequential ${takes.sequential.toFixed(0)}/s, 8 in parallel ${takes.parallel.toFixed(0)}/s ` +
      `(×${(takes.parallel / takes.sequential).toFixed(2)}; writes of one funnel queue on its row lock)`);
  } finally {
    await app.close();
    await dropDatabase(adminUrl, database);
    await stopEmbedded();
  }
}

async function signIn(dataSource: DataSource, base: string): Promise<{ Authorization: string }> {
  await dataSource.query(`INSERT INTO app_user (email, name, role, password_hash) VALUES ('bench@bench.local', 'Bench Admin', 'admin', $1)`, [
    await argon2.hash('bench-password'),
  ]);
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@bench.local', password: 'bench-password' }),
  });
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { Authorization: `Bearer ${accessToken}` };
}

/** Bulk-inserts `count` deals (with their contacts) spread over the funnel's stages. */
async function insertDeals(dataSource: DataSource, funnel: Funnel, count: number): Promise<void> {
  const perStage = Math.ceil(count / funnel.stages.length);
  for (const stage of funnel.stages) {
    const keys = generateNKeysBetween(null, null, perStage);
    const status = stage.kind === 'won' ? 'won' : 'open';
    await dataSource.query(
      `WITH contacts AS (
         INSERT INTO contact (name, phones) SELECT 'Customer ' || n, ARRAY['+1212' || lpad(n::text, 7, '0')] FROM generate_series(1, $3) n RETURNING id
       ), numbered AS (SELECT id, row_number() OVER () AS n FROM contacts)
       INSERT INTO deal (title, funnel_id, stage_id, status, contact_id, amount, position)
       SELECT 'Deal ' || n, $1, $2, $4, id, (n * 37) % 90000, ($5::text[])[n] FROM numbered`,
      [funnel.id, stage.id, perStage, status, keys],
    );
  }
  await dataSource.query('ANALYZE deal; ANALYZE contact');
}

async function deepCursor(api: (route: string) => Promise<Response>, funnelId: string, pages: number): Promise<string> {
  let cursor = '';
  for (let page = 0; page < pages; page += 1) {
    const body = (await (await api(`/deals?funnelId=${funnelId}&limit=50&sort=amount${cursor ? `&cursor=${cursor}` : ''}`)).json()) as { nextCursor: string };
    cursor = body.nextCursor;
  }
  return cursor;
}

async function takeThroughput(api: (route: string, init?: RequestInit) => Promise<Response>, dataSource: DataSource) {
  const funnel = (await (await api('/funnels', { method: 'POST', body: JSON.stringify({ name: 'Bench takes' }) })).json()) as Funnel;
  await insertDeals(dataSource, { ...funnel, stages: funnel.stages.filter((stage) => stage.kind === 'unassigned') }, TAKES * 2);
  const ids: { id: string }[] = await dataSource.query(`SELECT id FROM deal WHERE funnel_id = $1`, [funnel.id]);
  const take = async (id: string) => {
    const response = await api(`/deals/${id}/take`, { method: 'POST' });
    if (response.status !== 200) throw new Error(`take answered ${response.status}`);
  };
  const sequentialIds = ids.slice(0, TAKES).map((row) => row.id);
  const parallelIds = ids.slice(TAKES, TAKES * 2).map((row) => row.id);
  let started = performance.now();
  for (const id of sequentialIds) await take(id);
  const sequential = TAKES / ((performance.now() - started) / 1000);
  started = performance.now();
  await Promise.all(Array.from({ length: 8 }, async (_, worker) => {
    for (let index = worker; index < parallelIds.length; index += 8) await take(parallelIds[index]);
  }));
  const parallel = TAKES / ((performance.now() - started) / 1000);
  return { sequential, parallel };
}

async function timed(request: () => Promise<Response>): Promise<{ p50: number; p95: number }> {
  await (await request()).arrayBuffer(); // warm-up
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const response = await request();
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`bench request answered ${response.status}`);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(RUNS * 0.5)], p95: samples[Math.floor(RUNS * 0.95)] };
}

const fmt = ({ p50, p95 }: { p50: number; p95: number }) => `${p50.toFixed(1)} / ${p95.toFixed(1)}`;

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  rows.forEach((row) => console.log(line(row)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
