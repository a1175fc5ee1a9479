/**
 * `npm run bench` (second part): the quick search and the deal list's `q` on 100,000 contacts,
 * each with a deal, through the real API and PostgreSQL (BENCH_DATABASE_URL / TEST_DATABASE_URL /
 * DATABASE_URL's server, else the embedded one). Prints p50/p95 per kind of query and the plans
 * PostgreSQL chooses (which indexes serve each search); asserts nothing.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import type { DataSource } from 'typeorm';
import { contactSearchCondition, dealSearchCondition } from '../dist/contacts/contact-search.js';
import { fmt, printTable, run, timed, withBenchApp } from './support.js';

const CONTACTS = 100_000;
const RUNS = 40;
/** A Russian dealership, so "8 912 …" is a national number. */
const REGION = 'RU';

const FIRST_NAMES = ['Anna', 'Boris', 'José', 'Zoë', 'Jürgen', 'Maria', 'Oleg', 'Renée', 'Søren', 'Ivan', 'Élodie', 'Pavel', 'Chloé', 'Dmitry', 'Inès', 'Artem'];
const LAST_NAMES = [
  'Petrov', 'Ivanova', 'García', 'Müller', 'Novák', 'Smirnov', 'Lefèvre', 'Kuznetsov', 'Jansen', 'Sørensen', 'Popova', 'Fernández', 'Volkov',
  'Dupont', 'Ångström', 'Sokolov', 'Lebedeva', 'Kozlov', 'Morozova', 'Nowak', 'Wójcik', 'Horváth', 'Kovačić', 'Öztürk', 'Fedorov',
];

/** One kind of search a user types, and the query that stands for it. */
interface QueryKind {
  kind: string;
  q: string;
}

async function main(): Promise<void> {
  await withBenchApp('search', { DEFAULT_PHONE_REGION: REGION }, async ({ dataSource, api }) => {
    const funnel = (await (await api('/funnels', { method: 'POST', body: JSON.stringify({ name: 'Bench search' }) })).json()) as { id: string; stages: { id: string }[] };
    await insertContactsWithDeals(dataSource, funnel.id, funnel.stages.map((stage) => stage.id));
    const kinds = await queryKinds(dataSource);

    console.log(`Quick search and the deal list's q on ${CONTACTS.toLocaleString('en')} contacts with a deal each (${RUNS} runs each; ms)\n`);
    const rows: string[][] = [];
    for (const { kind, q } of kinds) {
      const searchRequest = () => api(`/search?q=${encodeURIComponent(q)}&limit=8`);
      const found = (await (await searchRequest()).json()) as { contacts: unknown[]; deals: unknown[] };
      const search = await timed(searchRequest, RUNS);
      const list = await timed(() => api(`/deals?funnelId=${funnel.id}&limit=50&q=${encodeURIComponent(q)}`), RUNS);
      rows.push([kind, q, `${found.contacts.length} c / ${found.deals.length} d`, fmt(search), fmt(list)]);
    }
    printTable(['query kind', 'q', 'found', 'GET /search p50 / p95', 'GET /deals?q= p50 / p95'], rows);

    console.log('\nPlans (EXPLAIN ANALYZE) of the contact and deal conditions, index scans only:');
    for (const { kind, q } of kinds) await explain(dataSource, kind, q);
  });
}

/**
 * Contacts named from the lists above (so a surname matches ~4,000 of them), each with a
 * Russian mobile +7912xxxxxxx, an email and one deal, spread over the funnel's stages.
 */
async function insertContactsWithDeals(dataSource: DataSource, funnelId: string, stageIds: string[]): Promise<void> {
  const perStage = Math.ceil(CONTACTS / stageIds.length);
  for (const [index, stageId] of stageIds.entries()) {
    const from = index * perStage + 1;
    const to = Math.min(CONTACTS, (index + 1) * perStage);
    if (from > to) break;
    await dataSource.query(
      `WITH contacts AS (
         INSERT INTO contact (name, phones, emails)
         SELECT ($3::text[])[1 + n % cardinality($3::text[])] || ' ' || ($4::text[])[1 + (n / 7) % cardinality($4::text[])],
                ARRAY['+7912' || lpad(n::text, 7, '0')],
                ARRAY['customer.' || n || '@mail.example']
           FROM generate_series($5::int, $6::int) n
         RETURNING id, name
       ), numbered AS (SELECT id, name, row_number() OVER () AS n FROM contacts)
       INSERT INTO deal (title, funnel_id, stage_id, contact_id, position)
       SELECT 'Kia Sportage for ' || name, $1, $2, id, ($7::text[])[n] FROM numbered`,
      [funnelId, stageId, FIRST_NAMES, LAST_NAMES, from, to, generateNKeysBetween(null, null, to - from + 1)],
    );
  }
  // As autovacuum would: statistics, and the GIN indexes' pending lists merged into the trees.
  await dataSource.query('VACUUM ANALYZE contact');
  await dataSource.query('VACUUM ANALYZE deal');
}

/** Queries for each kind, built from rows that exist (a deal code is only known once inserted). */
async function queryKinds(dataSource: DataSource): Promise<QueryKind[]> {
  const [{ code }]: { code: string }[] = await dataSource.query(`SELECT code FROM deal ORDER BY created_at, code OFFSET 51234 LIMIT 1`);
  const phone = '79120051234';
  return [
    { kind: 'surname', q: 'Petrov' },
    { kind: 'name without accents', q: 'jose garcia' },
    { kind: 'deal code', q: code },
    { kind: 'deal code, lower case', q: code.toLowerCase().replace('-', '') },
    { kind: 'phone, international', q: `+7 ${phone.slice(1, 4)} ${phone.slice(4, 7)}-${phone.slice(7, 9)}-${phone.slice(9)}` },
    { kind: 'phone, national', q: `8${phone.slice(1)}` },
    { kind: 'phone, last 7 digits', q: phone.slice(-7) },
    { kind: 'email, part', q: 'customer.51234@' },
    { kind: 'nothing matches', q: 'Zyxwvut' },
  ];
}

/** The plans of the contact search and the deal search for `q`: the scans they use. */
async function explain(dataSource: DataSource, kind: string, q: string): Promise<void> {
  const contacts = contactSearchCondition('c', q, REGION);
  const deals = dealSearchCondition('d', q, REGION);
  const plans = [
    dataSource.createQueryBuilder().select('c.id').from('contact', 'c').where(`(${contacts.condition})`, contacts.parameters).orderBy('c.name').limit(8),
    dataSource.createQueryBuilder().select('d.id').from('deal', 'd').where(`(${deals.condition})`, deals.parameters).orderBy('d.last_activity_at', 'DESC').limit(8),
  ];
  console.log(`\n${kind} (${q})`);
  for (const [index, builder] of plans.entries()) {
    const [sql, parameters] = builder.getQueryAndParameters();
    const rows: { 'QUERY PLAN': string }[] = await dataSource.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${sql}`, parameters);
    const lines = rows.map((row) => row['QUERY PLAN']);
    const scans = lines.filter((line) => /Scan|Execution Time/.test(line)).map((line) => line.trim().replace(/^->\s*/, ''));
    console.log(`  ${index === 0 ? 'contacts' : 'deals   '}: ${scans.join(' | ')}`);
  }
}

run(main);
