/**
 * `npm run bench`: how the board, the deal list and take-into-work scale, measured against the
 * real API and PostgreSQL (BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL's server, else
 * the embedded one). Prints figures and ratios; asserts nothing.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { fmt, printTable, run, timed, withBenchApp, type BenchApi } from './support.js';

const SIZES = [1_000, 20_000];
const RUNS = 40;
const TAKES = 200;

interface Funnel {
  id: string;
  stages: { id: string; kind: string }[];
}

async function main(): Promise<void> {
  await withBenchApp('board', {}, async ({ dataSource, api, apiAs }) => {
    console.log(`Board, list and take-into-work on PostgreSQL (${RUNS} runs each; ms)\n`);
    // Two branches of ten managers each hold the deals: a team lead's and a manager's board are
    // filtered by who may see what (a tenth of the deals of a branch is one manager's).
    const branches: { id: string }[] = await dataSource.query(`INSERT INTO branch (name) VALUES ('Bench North'), ('Bench South') RETURNING id`);
    const lead = await apiAs('lead', branches[0].id);
    const manager = await apiAs('manager', branches[0].id);
    const managers: { id: string; branch_id: string }[] = await dataSource.query(
      `INSERT INTO app_user (email, name, role, branch_id, password_hash)
       SELECT 'manager' || n || '@bench.local', 'Manager ' || n, 'manager', CASE WHEN n % 2 = 0 THEN $1::uuid ELSE $2::uuid END, 'x'
         FROM generate_series(1, 19) n RETURNING id, branch_id`,
      [branches[0].id, branches[1].id],
    );
    const holders = [{ id: manager.userId, branch_id: branches[0].id }, ...managers];
    const rows: string[][] = [];
    const medians: Record<string, number[]> = { board: [], leadBoard: [], managerBoard: [], list: [], deepList: [] };
    for (const size of SIZES) {
      const funnel = (await (await api('/funnels', { method: 'POST', body: JSON.stringify({ name: `Bench ${size}` }) })).json()) as Funnel;
      await insertDeals(dataSource, funnel, size, holders);
      const board = await timed(() => api(`/funnels/${funnel.id}/board?limit=50`), RUNS);
      const leadBoard = await timed(() => lead(`/funnels/${funnel.id}/board?limit=50`), RUNS);
      const managerBoard = await timed(() => manager(`/funnels/${funnel.id}/board?limit=50`), RUNS);
      const list = await timed(() => api(`/deals?funnelId=${funnel.id}&limit=50&sort=amount`), RUNS);
      const cursor = await deepCursor(api, funnel.id, 10);
      const deepList = await timed(() => api(`/deals?funnelId=${funnel.id}&limit=50&sort=amount&cursor=${cursor}`), RUNS);
      medians.board.push(board.p50);
      medians.leadBoard.push(leadBoard.p50);
      medians.managerBoard.push(managerBoard.p50);
      medians.list.push(list.p50);
      medians.deepList.push(deepList.p50);
      rows.push([`${size} deals`, fmt(board), fmt(leadBoard), fmt(managerBoard), fmt(list), fmt(deepList)]);
    }
    printTable(['funnel size', 'board (admin) p50 / p95', 'as team lead', 'as manager', 'list page 1 p50 / p95', 'list page 11 p50 / p95'], rows);
    const ratio = (values: number[]) => (values[1] / values[0]).toFixed(2);
    console.log(
      `\nratio ${SIZES[1]}/${SIZES[0]} deals: board ×${ratio(medians.board)} (team lead ×${ratio(medians.leadBoard)}, manager ×${ratio(medians.managerBoard)}), ` +
        `list ×${ratio(medians.list)}, page 11 ×${ratio(medians.deepList)} (data ×${SIZES[1] / SIZES[0]})`,
    );
    console.log(`at ${SIZES[1]} deals, a manager's board takes ×${(medians.managerBoard[1] / medians.board[1]).toFixed(2)} the admin's, a team lead's ×${(medians.leadBoard[1] / medians.board[1]).toFixed(2)}`);

    const takes = await takeThroughput(api, dataSource);
    console.log(`\ntake into work, ${TAKES} deals: sequential ${takes.sequential.toFixed(0)}/s, 8 in parallel ${takes.parallel.toFixed(0)}/s ` +
      `(×${(takes.parallel / takes.sequential).toFixed(2)}; writes of one funnel queue on its row lock)`);
  });
}

/**
 * Bulk-inserts `count` deals (with their contacts) spread over the funnel's stages; with
 * `holders`, the deals of open and won stages go round them (and their branches), the
 * unassigned ones alternate between their branches.
 */
async function insertDeals(dataSource: DataSource, funnel: Funnel, count: number, holders: { id: string; branch_id: string }[] = []): Promise<void> {
  const perStage = Math.ceil(count / funnel.stages.length);
  for (const stage of funnel.stages) {
    const keys = generateNKeysBetween(null, null, perStage);
    const status = stage.kind === 'won' ? 'won' : 'open';
    await dataSource.query(
      `WITH contacts AS (
         INSERT INTO contact (name, phones) SELECT 'Customer ' || n, ARRAY['+1212' || lpad(n::text, 7, '0')] FROM generate_series(1, $3) n RETURNING id
       ), numbered AS (SELECT id, row_number() OVER () AS n FROM contacts)
       INSERT INTO deal (title, funnel_id, stage_id, status, contact_id, amount, position, responsible_id, branch_id)
       SELECT 'Deal ' || n, $1, $2, $4, id, (n * 37) % 90000, ($5::text[])[n],
              CASE WHEN $6 THEN ($7::uuid[])[1 + n % cardinality($7::uuid[])] END,
              ($8::uuid[])[1 + n % cardinality($8::uuid[])]
         FROM numbered`,
      [
        funnel.id,
        stage.id,
        perStage,
        status,
        keys,
        stage.kind !== 'unassigned' && holders.length > 0,
        holders.map((holder) => holder.id),
        holders.length > 0 ? holders.map((holder) => holder.branch_id) : [null],
      ],
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

async function takeThroughput(api: BenchApi, dataSource: DataSource) {
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

run(main);
