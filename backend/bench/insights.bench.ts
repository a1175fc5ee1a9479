/**
 * `npm run bench` (third part): the Insights dashboards on a generated year of history — 200,000
 * deals and 2,000,000 funnel events — through the real API and PostgreSQL (BENCH_DATABASE_URL /
 * TEST_DATABASE_URL / DATABASE_URL's server, else the embedded one). The history is generated
 * set-based in SQL; the first 20,000 deals go through the stage-visit trigger, the other 180,000
 * are bulk-loaded with it disabled and their visits back-filled as the migration does. Prints
 * load times, p50/p95 per dashboard, period and role, the 200k/20k ratio, and the plans of the
 * statements each dashboard runs (which indexes serve them); asserts nothing.
 */
import { DASHBOARDS, DEFAULT_STAGES } from '@autofunnel/shared';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { fmt, printTable, run, timed, withBenchApp, type BenchApi, type Timing } from './support.js';

const SIZES = [20_000, 200_000];
const EVENTS_PER_DEAL = 10;
const RUNS = 10;
const BRANCHES = ['North', 'South', 'East', 'West'];
const MANAGERS = 20;
const SOURCES = ['Website', 'Phone call', 'Walk-in', 'Partner dealer', 'Marketplace', 'Referral'];
const LOST_REASONS = ['Bought elsewhere', 'Too expensive', 'No reply', 'Changed their mind', 'Financing refused'];
const PHONE_LINE = 'Main phone line';
const DAY_MS = 86_400_000;

/** The stage a funnel event shows its deal in, as the Insights migration reads it. */
const STAGE_OF_EVENT = `COALESCE(e.deal_snapshot->>'stageId', e.data->>'toStageId', CASE WHEN e.type = 'deal.created' THEN e.data->>'stageId' END)::uuid`;

interface Setup {
  funnelId: string;
  stageIds: string[];
  managers: { id: string; branch_id: string }[];
  sourceIds: string[];
  channelId: string;
}

interface Load {
  deals: number;
  events: number;
  visits: number;
  seconds: { generate: number; insert: number; visits: number };
  viaTrigger: boolean;
}

async function main(): Promise<void> {
  // The jobs stay off: they would escalate and expire the generated history while it loads and is measured.
  await withBenchApp('insights', { SLA_JOB_CRON: 'off', FOLLOW_UP_JOB_CRON: 'off' }, async ({ dataSource, api, apiAs }) => {
    const setup = await prepare(dataSource, api);
    const lead = await apiAs('lead', setup.managers[0].branch_id);
    const now = new Date();
    const to = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS);
    const periods = [30, 365].map((days) => ({ days, from: new Date(to.getTime() - days * DAY_MS).toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) }));

    const loads: Load[] = [];
    const timings = new Map<string, Timing>();
    let loaded = 0;
    for (const size of SIZES) {
      loads.push(await loadHistory(dataSource, setup, loaded + 1, size - loaded, loaded === 0));
      loaded = size;
      for (const dashboard of DASHBOARDS) {
        for (const period of periods) {
          const route = `/insights/${dashboard}?from=${period.from}&to=${period.to}&funnelId=${setup.funnelId}`;
          timings.set(`${size} ${dashboard} ${period.days} admin`, await timed(() => api(route), RUNS));
          timings.set(`${size} ${dashboard} ${period.days} lead`, await timed(() => lead(route), RUNS));
        }
      }
    }

    console.log(`Insights on a generated year: one funnel (${DEFAULT_STAGES.length} stages), ${BRANCHES.length} branches, ${MANAGERS} managers, ${SOURCES.length} sources\n`);
    printTable(
      ['batch', 'deals', 'events', 'visits', 'generate s', 'insert s', 'visits s', 'how the visits were built'],
      loads.map((load) => [
        `${load === loads[0] ? 'first' : 'then'}`,
        load.deals.toLocaleString('en'),
        load.events.toLocaleString('en'),
        load.visits.toLocaleString('en'),
        load.seconds.generate.toFixed(1),
        load.seconds.insert.toFixed(1),
        load.seconds.visits.toFixed(1),
        load.viaTrigger
          ? `by the trigger, during the insert (${Math.round(load.events / load.seconds.insert).toLocaleString('en')} events/s)`
          : 'trigger disabled, then the back-fill statement',
      ]),
    );

    const [state]: Record<string, number>[] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE d.status = 'open')::int AS open, count(*) FILTER (WHERE d.taken_at IS NULL)::int AS untaken,
              count(*) FILTER (WHERE d.status = 'won')::int AS won, count(*) FILTER (WHERE d.status = 'lost')::int AS lost,
              count(*) FILTER (WHERE v.stage_id IS DISTINCT FROM d.stage_id)::int AS astray
         FROM deal d LEFT JOIN deal_stage_visit v ON v.deal_id = d.id AND v.left_at IS NULL WHERE d.funnel_id = $1`,
      [setup.funnelId],
    );
    console.log(
      `\ndeals now: ${state.open.toLocaleString('en')} open (${state.untaken.toLocaleString('en')} untaken), ${state.won.toLocaleString('en')} won, ${state.lost.toLocaleString('en')} lost; ` +
        `deals whose open visit is not their stage: ${state.astray}`,
    );

    console.log(`\nGET /api/insights/<dashboard>?from&to&funnelId (${RUNS} runs each after a warm-up; ms, p50 / p95; the team lead sees 1 branch of ${BRANCHES.length})\n`);
    const [small, large] = SIZES;
    const cell = (size: number, dashboard: string, days: number, role: string) => timings.get(`${size} ${dashboard} ${days} ${role}`)!;
    const rows: string[][] = [];
    for (const dashboard of DASHBOARDS) {
      for (const { days } of periods) {
        const ratio = (role: string) => `×${(cell(large, dashboard, days, role).p50 / cell(small, dashboard, days, role).p50).toFixed(1)}`;
        rows.push([
          dashboard,
          `${days} days`,
          fmt(cell(small, dashboard, days, 'admin')),
          fmt(cell(small, dashboard, days, 'lead')),
          fmt(cell(large, dashboard, days, 'admin')),
          fmt(cell(large, dashboard, days, 'lead')),
          `${ratio('admin')} / ${ratio('lead')}`,
        ]);
      }
    }
    const k = (size: number) => `${size / 1000}k`;
    printTable(['dashboard', 'period', `${k(small)} admin`, `${k(small)} team lead`, `${k(large)} admin`, `${k(large)} team lead`, `p50 ${k(large)}/${k(small)} admin / lead`], rows);
    const slow = rows.filter((_, index) => ['admin', 'lead'].some((role) => cell(large, DASHBOARDS[Math.floor(index / 2)], periods[index % 2].days, role).p50 > 1000));
    console.log(`\n${slow.length === 0 ? 'every dashboard answers under 1 s (p50) at' : `OVER 1 s (p50) at`} ${large.toLocaleString('en')} deals${slow.length ? `: ${slow.map((row) => `${row[0]} ${row[1]}`).join(', ')}` : ''}`);

    console.log(`\nPlans of the statements each dashboard runs (EXPLAIN ANALYZE, ${periods[1].days} days, ${large.toLocaleString('en')} deals): scans and execution time`);
    for (const [role, as] of [['admin', api], ['team lead', lead]] as const) {
      for (const dashboard of DASHBOARDS) {
        await explainDashboard(dataSource, as, `/insights/${dashboard}?from=${periods[1].from}&to=${periods[1].to}&funnelId=${setup.funnelId}`, `${dashboard} as ${role}`);
      }
    }
  });
}

/** The funnel (default stages, a 30-minute SLA), branches, managers, sources and the phone line. */
async function prepare(dataSource: DataSource, api: BenchApi): Promise<Setup> {
  const funnel = (await (await api('/funnels', { method: 'POST', body: JSON.stringify({ name: 'Bench insights' }) })).json()) as { id: string; stages: { id: string }[] };
  await dataSource.query(`UPDATE funnel SET sla_warn_minutes = 15, sla_escalate_minutes = 30 WHERE id = $1`, [funnel.id]);
  const branches: { id: string }[] = await dataSource.query(`INSERT INTO branch (name) SELECT 'Bench ' || name FROM unnest($1::text[]) name RETURNING id`, [BRANCHES]);
  const managers: { id: string; branch_id: string }[] = await dataSource.query(
    `INSERT INTO app_user (email, name, role, branch_id, password_hash)
     SELECT 'insights' || n || '@bench.local', 'Manager ' || n, 'manager', ($1::uuid[])[1 + n % cardinality($1::uuid[])], 'x'
       FROM generate_series(0, $2 - 1) n ORDER BY n RETURNING id, branch_id`,
    [branches.map((branch) => branch.id), MANAGERS],
  );
  const sources: { id: string }[] = await dataSource.query(`INSERT INTO source (name) SELECT unnest($1::text[]) RETURNING id`, [SOURCES]);
  const [{ id: channelId }]: { id: string }[] = await dataSource.query(
    `INSERT INTO ad_channel (name, kind, funnel_id, source_id, api_key_hash, api_key_prefix) VALUES ($1, 'phone', $2, $3, md5('bench'), 'bench') RETURNING id`,
    [PHONE_LINE, funnel.id, sources[1].id],
  );
  // A deterministic "random" number in [0, 1) per deal and purpose, so every run builds the same history.
  await dataSource.query(
    `CREATE FUNCTION bench_rnd(n bigint, salt int) RETURNS float8 IMMUTABLE LANGUAGE sql AS $$ SELECT (hashint8(n * 1009 + salt) & 2147483647)::float8 / 2147483648 $$`,
  );
  return { funnelId: funnel.id, stageIds: funnel.stages.map((stage) => stage.id), managers, sourceIds: sources.map((source) => source.id), channelId };
}

/**
 * Deals `first`…`first + count - 1`, created over the past year, each walking the stages from
 * the first up to where it is now: untaken while younger than its take delay (30 s to 3 days,
 * mostly minutes), taken by one of the managers (1 in 10 created already taken, as a walk-in),
 * moved on every few hours to days, won at the last stage or — if older than two weeks — often
 * lost. Its events: created, taken, moved (`data.toStageId`), closed, and notes, messages and
 * tasks in between (`deal_snapshot.stageId`), EVENTS_PER_DEAL in all. Calls on the phone line
 * for the deals it brought in.
 */
async function loadHistory(dataSource: DataSource, setup: Setup, first: number, count: number, viaTrigger: boolean): Promise<Load> {
  const last = first + count - 1;
  const seconds = { generate: 0, insert: 0, visits: 0 };
  let started = performance.now();
  await dataSource.query(`DROP TABLE IF EXISTS bench_deal, bench_visit, bench_event, bench_contact`);
  await dataSource.query(
    `CREATE UNLOGGED TABLE bench_deal AS
     WITH drawn AS (
       SELECT n, gen_random_uuid() AS id, now() - interval '365 days' * bench_rnd(n, 1) AS created_at,
              greatest(1, least(7, floor(power(bench_rnd(n, 2), 1.6) * 8)))::int AS reached,
              bench_rnd(n, 4) < 0.1 AS walk_in,
              make_interval(secs => exp(ln(30) + power(bench_rnd(n, 5), 1.5) * ln(86400 * 3 / 30))) AS take_delay,
              n % $3 AS manager, floor(power(bench_rnd(n, 6), 1.5) * $4)::int AS source, bench_rnd(n, 7) AS channel, bench_rnd(n, 3) AS fate
         FROM generate_series($1::int, $2::int) n
     ), timed AS (
       SELECT *, CASE WHEN walk_in THEN created_at WHEN created_at + take_delay < now() THEN created_at + take_delay END AS taken_at FROM drawn
     )
     SELECT n, id, created_at, taken_at, manager, source, CASE WHEN walk_in THEN 1 ELSE 0 END AS first_stage,
            CASE WHEN taken_at IS NULL THEN 0 ELSE reached END AS k,
            CASE WHEN taken_at IS NULL THEN 'open' WHEN reached = 7 THEN 'won' WHEN created_at < now() - interval '14 days' AND fate < 0.55 THEN 'lost' ELSE 'open' END AS status,
            CASE WHEN channel < 0.4 THEN 'Website form' WHEN channel < 0.7 THEN '${PHONE_LINE}' WHEN channel < 0.85 THEN 'WhatsApp' END AS channel
       FROM timed`,
    [first, last, MANAGERS, SOURCES.length],
  );
  // Each visit's entry: the first at creation, the second at the take, the next ones a few hours
  // to two weeks apart, squeezed (for the young deals) to fit before now.
  await dataSource.query(
    `CREATE UNLOGGED TABLE bench_visit AS
     WITH steps AS (
       SELECT d.n, d.id AS deal_id, i, d.k, d.status, d.created_at, d.taken_at,
              CASE WHEN i = 0 THEN 0 ELSE exp(ln(3600) + bench_rnd(d.n, 10 + i) * ln(24 * 15)) END AS raw
         FROM bench_deal d CROSS JOIN LATERAL generate_series(d.first_stage, d.k) i
     ), summed AS (
       SELECT *, coalesce(sum(raw) OVER (PARTITION BY n ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
              sum(raw) FILTER (WHERE i < k OR status = 'lost') OVER (PARTITION BY n) AS total
         FROM steps
     ), placed AS (
       SELECT n, deal_id, i, k, status, raw,
              least(1, extract(epoch FROM now() - taken_at) * 0.9 / nullif(total, 0)) AS scale,
              CASE WHEN i = 0 THEN created_at ELSE taken_at + make_interval(secs => before * least(1, extract(epoch FROM now() - taken_at) * 0.9 / nullif(total, 0))) END AS entered_at
         FROM summed
     )
     SELECT n, deal_id, i, ($1::uuid[])[i + 1] AS stage_id, entered_at,
            lead(entered_at) OVER (PARTITION BY n ORDER BY i) AS left_at,
            CASE WHEN i = k AND status = 'lost' THEN entered_at + make_interval(secs => raw * coalesce(scale, 1)) END AS lost_at
       FROM placed`,
    [setup.stageIds],
  );
  await dataSource.query(`CREATE INDEX ON bench_visit (n, i)`);
  await dataSource.query(
    `CREATE UNLOGGED TABLE bench_event AS
     WITH closing AS (
       SELECT d.*, v.stage_id, v.entered_at AS stage_entered_at,
              CASE WHEN d.status = 'won' THEN v.entered_at ELSE v.lost_at END AS closed_at,
              (SELECT count(*) FROM bench_visit w WHERE w.n = d.n) AS visits
         FROM bench_deal d JOIN bench_visit v ON v.n = d.n AND v.i = d.k
     ), entries AS (
       SELECT v.n, v.deal_id, v.entered_at AS at, 0 AS ord,
              CASE WHEN v.i = c.first_stage THEN 'deal.created' WHEN v.i = 1 THEN 'deal.taken' WHEN v.i = 7 THEN 'deal.closed' ELSE 'deal.moved' END AS type,
              CASE WHEN v.i = c.first_stage
                     THEN jsonb_build_object('stageId', v.stage_id, 'responsibleId', CASE WHEN c.first_stage = 1 THEN ($1::uuid[])[c.manager + 1] END)
                   ELSE jsonb_build_object('fromStageId', ($2::uuid[])[v.i], 'toStageId', v.stage_id, 'responsibleId', ($1::uuid[])[c.manager + 1])
                        || CASE WHEN v.i = 7 THEN '{"outcome": "won"}'::jsonb ELSE '{}'::jsonb END
              END AS data,
              NULL::jsonb AS deal_snapshot, CASE WHEN v.i > 0 THEN ($1::uuid[])[c.manager + 1] END AS actor_id
         FROM bench_visit v JOIN closing c ON c.n = v.n
     ), lost AS (
       SELECT n, id, closed_at, 1, 'deal.closed',
              jsonb_build_object('outcome', 'lost', 'reason', ($3::text[])[1 + n % cardinality($3::text[])], 'fromStageId', stage_id, 'toStageId', stage_id),
              NULL::jsonb, ($1::uuid[])[manager + 1]
         FROM closing WHERE status = 'lost'
     ), activity AS (
       SELECT c.n, c.id, v.entered_at + (coalesce(v.left_at, CASE WHEN c.status = 'lost' THEN c.closed_at END, now()) - v.entered_at) * (j + 1) / ($4::int + 1), 2,
              ($5::text[])[1 + j % cardinality($5::text[])], '{}'::jsonb,
              jsonb_build_object('id', c.id, 'stageId', v.stage_id, 'status', CASE WHEN v.i = 7 THEN 'won' ELSE 'open' END, 'responsibleId', ($1::uuid[])[c.manager + 1]),
              ($1::uuid[])[c.manager + 1]
         FROM closing c CROSS JOIN LATERAL generate_series(0, $4::int - c.visits::int - (c.status = 'lost')::int - 1) j
         JOIN bench_visit v ON v.n = c.n AND v.i = c.first_stage + j % c.visits
     )
     SELECT * FROM entries UNION ALL SELECT * FROM lost UNION ALL SELECT * FROM activity`,
    [
      setup.managers.map((manager) => manager.id),
      setup.stageIds,
      LOST_REASONS,
      EVENTS_PER_DEAL,
      ['deal.note_added', 'deal.message_sent', 'deal.task_created', 'deal.task_completed', 'deal.updated'],
    ],
  );
  seconds.generate = (performance.now() - started) / 1000;

  started = performance.now();
  if (!viaTrigger) await dataSource.query(`ALTER TABLE funnel_event DISABLE TRIGGER tg_funnel_event_stage_visit`);
  // One customer for every five deals.
  await dataSource.query(`CREATE UNLOGGED TABLE bench_contact AS SELECT m, gen_random_uuid() AS id FROM generate_series($1::int / 5, $2::int / 5) m`, [first, last]);
  await dataSource.query(`INSERT INTO contact (id, name, phones) SELECT id, 'Customer ' || m, ARRAY['+1646' || lpad(m::text, 7, '0')] FROM bench_contact`);
  await dataSource.query(
    `INSERT INTO deal (id, title, funnel_id, stage_id, status, responsible_id, branch_id, contact_id, source_id, channel, amount, position,
                       created_at, updated_at, last_activity_at, lost_reason, closed_at, stage_entered_at, taken_at, taken_by_id)
     SELECT d.id, 'Bench deal ' || d.n, $1, v.stage_id, d.status,
            CASE WHEN d.taken_at IS NOT NULL THEN ($2::uuid[])[d.manager + 1] END,
            CASE WHEN d.taken_at IS NOT NULL THEN ($3::uuid[])[d.manager + 1] ELSE ($3::uuid[])[1 + d.n % 4] END,
            c.id, ($4::uuid[])[d.source + 1], d.channel, 5000 + d.n * 7919 % 60000, 'a' || lpad(d.n::text, 8, '0'),
            d.created_at, greatest(v.entered_at, v.lost_at), greatest(v.entered_at, v.lost_at),
            CASE WHEN d.status = 'lost' THEN ($5::text[])[1 + d.n % cardinality($5::text[])] END,
            CASE d.status WHEN 'won' THEN v.entered_at WHEN 'lost' THEN v.lost_at END,
            v.entered_at, d.taken_at, CASE WHEN d.taken_at IS NOT NULL THEN ($2::uuid[])[d.manager + 1] END
       FROM bench_deal d JOIN bench_visit v ON v.n = d.n AND v.i = d.k JOIN bench_contact c ON c.m = d.n / 5`,
    [
      setup.funnelId,
      setup.managers.map((manager) => manager.id),
      setup.managers.map((manager) => manager.branch_id),
      setup.sourceIds,
      LOST_REASONS,
    ],
  );
  // The log in the order it happened, numbered on from the funnel's last seq.
  const [{ last_seq: seqBefore }]: { last_seq: string }[] = await dataSource.query(`SELECT last_seq FROM funnel WHERE id = $1`, [setup.funnelId]);
  const [{ events }]: { events: number }[] = await dataSource.query(
    `WITH inserted AS (
       INSERT INTO funnel_event (funnel_id, seq, type, deal_id, actor_id, at, data, deal_snapshot)
       SELECT $1, f.last_seq + row_number() OVER (ORDER BY e.at, e.n, e.ord), e.type, e.deal_id, e.actor_id, e.at, e.data, e.deal_snapshot
         FROM bench_event e, funnel f WHERE f.id = $1
        ORDER BY e.at, e.n, e.ord
       RETURNING seq
     ) SELECT count(*)::int AS events FROM inserted`,
    [setup.funnelId],
  );
  await dataSource.query(`UPDATE funnel SET last_seq = last_seq + $2 WHERE id = $1`, [setup.funnelId, events]);
  await dataSource.query(
    `INSERT INTO intake_request (kind, channel_id, deal_id, contact_id, created_deal, payload, received_at)
     SELECT 'call', $1, d.id, d.contact_id, call = 0, jsonb_build_object('status', CASE WHEN bench_rnd(b.n, 20 + call) < 0.8 - call * 0.3 THEN 'answered' ELSE 'missed' END),
            d.created_at + make_interval(days => call * (1 + b.n % 9))
       FROM bench_deal b JOIN deal d ON d.id = b.id CROSS JOIN generate_series(0, CASE WHEN bench_rnd(b.n, 8) < 0.3 THEN 1 ELSE 0 END) call
      WHERE b.channel = $2 AND d.created_at + make_interval(days => call * (1 + b.n % 9)) < now()`,
    [setup.channelId, PHONE_LINE],
  );
  seconds.insert = (performance.now() - started) / 1000;

  started = performance.now();
  if (!viaTrigger) {
    // The same statement as the Insights migration's back-fill, over this batch's events only.
    await dataSource.query(
      `INSERT INTO deal_stage_visit (deal_id, funnel_id, stage_id, entered_at, left_at)
       SELECT deal_id, funnel_id, stage_id, at, lead(at) OVER (PARTITION BY deal_id ORDER BY seq)
         FROM (SELECT deal_id, funnel_id, seq, at, stage_id, lag(stage_id) OVER (PARTITION BY deal_id ORDER BY seq) AS previous
                 FROM (SELECT e.deal_id, e.funnel_id, e.seq, e.at, ${STAGE_OF_EVENT} AS stage_id
                         FROM funnel_event e WHERE e.deal_id IS NOT NULL AND e.funnel_id = $1 AND e.seq > $2) events
                WHERE stage_id IS NOT NULL) stays
        WHERE previous IS DISTINCT FROM stage_id`,
      [setup.funnelId, seqBefore],
    );
    await dataSource.query(`ALTER TABLE funnel_event ENABLE TRIGGER tg_funnel_event_stage_visit`);
  }
  seconds.visits = (performance.now() - started) / 1000;
  const [{ visits }]: { visits: number }[] = await dataSource.query(
    `SELECT count(*)::int AS visits FROM deal_stage_visit v JOIN bench_deal b ON b.id = v.deal_id`,
  );
  await dataSource.query(`DROP TABLE bench_deal, bench_visit, bench_event, bench_contact`);
  // As autovacuum would after a load this size: statistics and visibility maps.
  await dataSource.query(`VACUUM ANALYZE deal, contact, funnel_event, deal_stage_visit, intake_request`);
  return { deals: count, events, visits, seconds, viaTrigger };
}

/** Every statement `route` runs, recorded from the pg driver, then explained: its scans and time. */
async function explainDashboard(dataSource: DataSource, api: BenchApi, route: string, label: string): Promise<void> {
  const statements = await recordStatements(async () => {
    const response = await api(route);
    await response.arrayBuffer();
  });
  const own = statements.filter(({ text }) => /\b(deal|deal_stage_visit|intake_request)\b/.test(text) && /^\s*(SELECT|WITH)/i.test(text));
  console.log(`\n${label} (${own.length} statements)`);
  for (const [index, { text, values }] of own.entries()) {
    const rows: { 'QUERY PLAN': string }[] = await dataSource.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${text}`, values);
    const lines = rows.map((row) => row['QUERY PLAN'].trim().replace(/^->\s*/, ''));
    const scans = [...new Set(lines.filter((line) => /Scan/.test(line)).map((line) => line.replace(/\s*\(actual.*$/, '')))];
    const time = lines.find((line) => line.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
    console.log(`  #${index + 1} ${time.padStart(11)}: ${scans.join(' | ')}`);
  }
}

/** The SQL the app sends while `action` runs (every query goes through pg's Client). */
async function recordStatements(action: () => Promise<void>): Promise<{ text: string; values: unknown[] }[]> {
  const recorded: { text: string; values: unknown[] }[] = [];
  const original = pg.Client.prototype.query;
  const patched = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown];
    if (typeof first === 'string') recorded.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first.text === 'string') recorded.push({ text: first.text, values: first.values ?? [] });
    return (original as (...parameters: unknown[]) => unknown).apply(this, args);
  };
  pg.Client.prototype.query = patched as typeof original;
  try {
    await action();
  } finally {
    pg.Client.prototype.query = original;
  }
  return recorded;
}

run(main);
