// First: the dashboards without a funnel filter count every deal, so this file gets a database of its own.
import { dropOwnDatabase } from './support/own-database.js';
import type { DealDto, FunnelDto, InsightsDashboard, InsightsKpi, InsightsTable, SourceDto } from '@autofunnel/shared';
import { Clock } from '../src/common/clock.js';
import { createDeal } from './support/deals.js';
import { FakeClock } from './support/fake-clock.js';
import { TestApp, type TestUser } from './support/test-app.js';

/**
 * A scripted history with answers computed by hand. The period is the week of Monday
 * 2024-03-04 (the previous one the week before); "now" is 2024-03-10 12:00 UTC. Funnel stages:
 * New (unassigned), Contact, Test drive (deleted after use), Offer, Won; SLA 30 min.
 *
 *  deal  created      branch source channel     taken by / wait       path (time in stage)                              end
 *  D1    03-04 10:00  North  Web    Google Ads  Anna  120 s           New 120 s, Contact 1 d, Offer 1 d, Won              won 03-06 10:02, 10 000
 *  D2    03-04 12:00  North  Web    Google Ads  Anna  600 s           New 600 s, Contact 6 h, Test drive 1 d, Offer 2 d, Won  won 03-07 18:10, 20 000
 *  D3    03-05 09:00  North  Radio  –           Boris 1200 s          New 1200 s, Contact 1 d, Offer (still)             lost 03-08 "Too expensive"
 *  D4    03-05 10:00  North  Radio  –           Boris 2700 s          New 2700 s, Contact (still)                        lost 03-06 "Too expensive"
 *  D5    03-06 08:00  South  Web    Google Ads  Carl  7200 s          New 2 h, Contact 4 h, Offer since 03-06 14:00      open
 *  D6    03-06 09:00  South  –      –           Carl  86 400 s        New 1 d, Contact since 03-07 09:00                 open
 *  D7    03-07 10:00  North  Web    –           –                     New since 03-07 10:00                              open
 *  D8    03-08 10:00  South  Radio  –           –                     New since 03-08 10:00                              lost 03-09, no reason
 *  D9    03-09 12:00  North  Web    –           Anna, created taken   Contact since 03-09 12:00                          open, 15 000
 *  P1    02-27 10:00  North  Web    –           Anna  300 s           New 300 s, Contact 1 d, Won                        won 02-28 10:05, 8 000
 *  P2    02-28 10:00  South  Radio  –           Carl  5400 s          New 5400 s, Contact (still)                        lost 03-01 "No answer"
 *  T1    03-05 10:00  North  Web    –           Anna  60 s            (in the trash: counts nowhere)
 * Calls: D1 answered, D2 missed (03-04); D3 answered (03-05); D5, D6 missed (03-06); P1 answered, P2 missed.
 */
describe('insights (e2e, own database)', () => {
  const clock = new FakeClock(new Date('2024-03-10T12:00:00Z'));
  const PERIOD = { from: '2024-03-04', to: '2024-03-11' };
  let t: TestApp;
  let admin: TestUser;
  let anna: TestUser;
  let boris: TestUser;
  let carl: TestUser;
  let southLead: TestUser;
  let funnel: FunnelDto;
  let stage: Record<'new' | 'contact' | 'testDrive' | 'offer' | 'won', string>;
  let web: SourceDto;
  let radio: SourceDto;
  let southId: string;
  const deals: Record<string, DealDto> = {};

  beforeAll(async () => {
    t = await TestApp.start({ override: (builder) => builder.overrideProvider(Clock).useValue(clock) });
    admin = await t.user('admin', { name: 'Admin Ann' });
    const north = await t.branch();
    const south = await t.branch();
    southId = south.id;
    await t.dataSource.query(`UPDATE branch SET name = CASE id WHEN $1 THEN 'North' ELSE 'South' END WHERE id IN ($1, $2)`, [north.id, south.id]);
    anna = await t.user('manager', { branchId: north.id, name: 'Anna North' });
    boris = await t.user('manager', { branchId: north.id, name: 'Boris North' });
    carl = await t.user('manager', { branchId: south.id, name: 'Carl South' });
    southLead = await t.user('lead', { branchId: south.id, name: 'Sue South' });
    // Has nothing to show: left out of the managers' table.
    await t.user('manager', { branchId: north.id, name: 'Idle North' });

    funnel = await t.funnel(admin, [{ name: 'New' }, { name: 'Contact' }, { name: 'Offer' }, { name: 'Won' }]);
    await t.http.patch(`/api/funnels/${funnel.id}`).set(admin.auth).send({ slaEscalateMinutes: 30 }).expect(200);
    const [newStage, contact, offer, won] = funnel.stages.map((s) => s.id);
    const testDrive = (await t.http.post(`/api/funnels/${funnel.id}/stages`).set(admin.auth).send({ name: 'Test drive', afterStageId: contact }).expect(201)).body.id as string;
    stage = { new: newStage, contact, testDrive, offer, won };
    web = (await t.http.post('/api/sources').set(admin.auth).send({ name: 'Web' }).expect(201)).body;
    radio = (await t.http.post('/api/sources').set(admin.auth).send({ name: 'Radio' }).expect(201)).body;

    // The moves, through the API (the event log's trigger records the visits)…
    const create = async (key: string, extra: Record<string, unknown> = {}) => (deals[key] = await createDeal(t, admin, funnel, { title: key, ...extra }));
    const assign = (key: string, user: TestUser) => t.http.post(`/api/deals/${deals[key].id}/assign`).set(admin.auth).send({ userId: user.id }).expect(200);
    const move = (key: string, stageId: string) => t.http.post(`/api/deals/${deals[key].id}/move`).set(admin.auth).send({ stageId }).expect(200);
    const close = (key: string, outcome: 'won' | 'lost', reason?: string) =>
      t.http.post(`/api/deals/${deals[key].id}/close`).set(admin.auth).send({ outcome, reason }).expect(200);
    await create('D1', { sourceId: web.id, amount: 10_000 });
    await assign('D1', anna);
    await move('D1', offer);
    await close('D1', 'won');
    await create('D2', { sourceId: web.id, amount: 20_000 });
    await assign('D2', anna);
    await move('D2', testDrive);
    await move('D2', offer);
    await close('D2', 'won');
    await create('D3', { sourceId: radio.id, amount: 5_000 });
    await assign('D3', boris);
    await move('D3', offer);
    await close('D3', 'lost', 'Too expensive');
    await create('D4', { sourceId: radio.id, amount: 7_000 });
    await assign('D4', boris);
    await close('D4', 'lost', 'Too expensive');
    await create('D5', { sourceId: web.id, amount: 30_000 });
    await assign('D5', carl);
    await move('D5', offer);
    await create('D6');
    await assign('D6', carl);
    await create('D7', { sourceId: web.id });
    await create('D8', { sourceId: radio.id });
    await close('D8', 'lost', 'Will be cleared');
    await create('D9', { sourceId: web.id, amount: 15_000, responsibleId: anna.id });
    await create('P1', { sourceId: web.id, amount: 8_000 });
    await assign('P1', anna);
    await close('P1', 'won');
    await create('P2', { sourceId: radio.id });
    await assign('P2', carl);
    await close('P2', 'lost', 'No answer');
    await create('T1', { sourceId: web.id });
    await assign('T1', anna);
    await t.http.post(`/api/deals/${deals.T1.id}/trash`).set(admin.auth).expect(200);
    // History outlives its stage.
    await t.http.delete(`/api/stages/${testDrive}`).set(admin.auth).expect(204);

    // …then the clock of each deal, by SQL.
    const at = (day: string, time: string) => `2024-${day}T${time}:00Z`;
    const S = stage;
    await script('D1', { created: at('03-04', '10:00'), branch: north.id, channel: 'Google Ads', taker: anna, closed: at('03-06', '10:02') },
      [[S.new, at('03-04', '10:00')], [S.contact, at('03-04', '10:02')], [S.offer, at('03-05', '10:02')], [S.won, at('03-06', '10:02')]]);
    await script('D2', { created: at('03-04', '12:00'), branch: north.id, channel: 'Google Ads', taker: anna, closed: at('03-07', '18:10') },
      [[S.new, at('03-04', '12:00')], [S.contact, at('03-04', '12:10')], [S.testDrive, at('03-04', '18:10')], [S.offer, at('03-05', '18:10')], [S.won, at('03-07', '18:10')]]);
    await script('D3', { created: at('03-05', '09:00'), branch: north.id, taker: boris, closed: at('03-08', '09:00') },
      [[S.new, at('03-05', '09:00')], [S.contact, at('03-05', '09:20')], [S.offer, at('03-06', '09:20')]]);
    await script('D4', { created: at('03-05', '10:00'), branch: north.id, taker: boris, closed: at('03-06', '12:00') },
      [[S.new, at('03-05', '10:00')], [S.contact, at('03-05', '10:45')]]);
    await script('D5', { created: at('03-06', '08:00'), branch: south.id, channel: 'Google Ads', taker: carl },
      [[S.new, at('03-06', '08:00')], [S.contact, at('03-06', '10:00')], [S.offer, at('03-06', '14:00')]]);
    await script('D6', { created: at('03-06', '09:00'), branch: south.id, taker: carl }, [[S.new, at('03-06', '09:00')], [S.contact, at('03-07', '09:00')]]);
    await script('D7', { created: at('03-07', '10:00'), branch: north.id }, [[S.new, at('03-07', '10:00')]]);
    await script('D8', { created: at('03-08', '10:00'), branch: south.id, closed: at('03-09', '10:00') }, [[S.new, at('03-08', '10:00')]]);
    await t.dataSource.query(`UPDATE deal SET lost_reason = NULL WHERE id = $1`, [deals.D8.id]);
    await script('D9', { created: at('03-09', '12:00'), branch: north.id, taker: anna, takenAt: at('03-09', '12:00') }, [[S.contact, at('03-09', '12:00')]]);
    await script('P1', { created: at('02-27', '10:00'), branch: north.id, taker: anna, closed: at('02-28', '10:05') },
      [[S.new, at('02-27', '10:00')], [S.contact, at('02-27', '10:05')], [S.won, at('02-28', '10:05')]]);
    await script('P2', { created: at('02-28', '10:00'), branch: south.id, taker: carl, closed: at('03-01', '11:00') },
      [[S.new, at('02-28', '10:00')], [S.contact, at('02-28', '11:30')]]);
    await script('T1', { created: at('03-05', '10:00'), branch: north.id, taker: anna }, [[S.new, at('03-05', '10:00')], [S.contact, at('03-05', '10:01')]]);

    await call('D1', 'answered', at('03-04', '10:00'));
    await call('D2', 'missed', at('03-04', '12:00'));
    await call('D3', 'answered', at('03-05', '09:00'));
    await call('D5', 'missed', at('03-06', '08:00'));
    await call('D6', 'missed', at('03-06', '09:00'));
    await call('P1', 'answered', at('02-27', '10:00'));
    await call('P2', 'missed', at('02-28', '10:00'));
  });
  afterAll(async () => {
    await t?.close();
    await dropOwnDatabase();
  });

  /**
   * Sets a deal's clock: created (and, for a deal that was taken, taken at the end of its first
   * visit unless given), its branch, channel and closing time, and the times of its stage
   * visits, which must be the stages listed, in this order.
   */
  async function script(
    key: string,
    deal: { created: string; branch: string; channel?: string; taker?: TestUser; takenAt?: string; closed?: string },
    visits: [stageId: string, enteredAt: string][],
  ): Promise<void> {
    const rows: { id: string; stage_id: string }[] = await t.dataSource.query(`SELECT id, stage_id FROM deal_stage_visit WHERE deal_id = $1 ORDER BY entered_at, id`, [deals[key].id]);
    expect(rows.map((row) => row.stage_id)).toEqual(visits.map(([stageId]) => stageId));
    for (const [index, row] of rows.entries()) {
      await t.dataSource.query(`UPDATE deal_stage_visit SET entered_at = $2, left_at = $3 WHERE id = $1`, [row.id, visits[index][1], visits[index + 1]?.[1] ?? null]);
    }
    const takenAt = deal.taker ? (deal.takenAt ?? visits[1][1]) : null;
    await t.dataSource.query(
      `UPDATE deal SET created_at = $2, branch_id = $3, channel = $4, taken_by_id = $5, taken_at = $6, closed_at = $7, stage_entered_at = $8 WHERE id = $1`,
      [deals[key].id, deal.created, deal.branch, deal.channel ?? null, deal.taker?.id ?? null, takenAt, deal.closed ?? null, visits[visits.length - 1][1]],
    );
  }

  async function call(key: string, status: 'answered' | 'missed', receivedAt: string): Promise<void> {
    await t.dataSource.query(
      `INSERT INTO intake_request (kind, deal_id, contact_id, created_deal, payload, received_at)
       SELECT 'call', d.id, d.contact_id, true, jsonb_build_object('status', $2::text), $3 FROM deal d WHERE d.id = $1`,
      [deals[key].id, status, receivedAt],
    );
  }

  async function dashboard(name: string, viewer: TestUser = admin, query: Record<string, string> = {}): Promise<InsightsDashboard> {
    const response = await t.http.get(`/api/insights/${name}`).set(viewer.auth).query({ ...PERIOD, ...query });
    if (response.status !== 200) throw new Error(`${name}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as InsightsDashboard;
  }
  const kpis = (answer: InsightsDashboard) => Object.fromEntries(answer.kpis.map((k: InsightsKpi) => [k.key, [k.value, k.previous]]));
  const rows = (answer: InsightsDashboard, key: string) => (answer.tables.find((table: InsightsTable) => table.key === key) as InsightsTable).rows;

  describe('inflow', () => {
    it('counts new deals per day by source and channel, and calls answered and missed, against the previous week', async () => {
      const answer = await dashboard('inflow', admin, { funnelId: funnel.id });
      expect(answer.period).toEqual({ from: '2024-03-04T00:00:00.000Z', to: '2024-03-11T00:00:00.000Z' });
      expect(answer.previousPeriod).toEqual({ from: '2024-02-26T00:00:00.000Z', to: '2024-03-04T00:00:00.000Z' });
      // arrived: D1–D9 (T1 is in the trash) = 9; before: P1, P2 = 2.
      // missed: D2, D5, D6 of 5 calls = 60 %; before: P2 of 2 = 50 %.
      expect(kpis(answer)).toEqual({ arrived: [9, 2], missed_calls_share: [60, 50] });
      expect(rows(answer, 'by_source')).toEqual([
        { period: '2024-03-04', source: 'Web', deals: 2 },
        { period: '2024-03-05', source: 'Radio', deals: 2 },
        { period: '2024-03-06', source: 'No source', deals: 1 },
        { period: '2024-03-06', source: 'Web', deals: 1 },
        { period: '2024-03-07', source: 'Web', deals: 1 },
        { period: '2024-03-08', source: 'Radio', deals: 1 },
        { period: '2024-03-09', source: 'Web', deals: 1 },
      ]);
      expect(rows(answer, 'by_channel')).toEqual([
        { period: '2024-03-04', channel: 'Google Ads', deals: 2 },
        { period: '2024-03-05', channel: 'Direct', deals: 2 },
        { period: '2024-03-06', channel: 'Direct', deals: 1 },
        { period: '2024-03-06', channel: 'Google Ads', deals: 1 },
        { period: '2024-03-07', channel: 'Direct', deals: 1 },
        { period: '2024-03-08', channel: 'Direct', deals: 1 },
        { period: '2024-03-09', channel: 'Direct', deals: 1 },
      ]);
      expect(rows(answer, 'calls')).toEqual([
        { period: '2024-03-04', answered: 1, missed: 1, missed_share: 50 },
        { period: '2024-03-05', answered: 1, missed: 0, missed_share: 0 },
        { period: '2024-03-06', answered: 0, missed: 2, missed_share: 100 },
      ]);
      expect(answer.tables.find((table) => table.key === 'calls')?.columns).toEqual([
        { key: 'period', label: 'Period', unit: 'date' },
        { key: 'answered', label: 'Answered', unit: 'count' },
        { key: 'missed', label: 'Missed', unit: 'count' },
        { key: 'missed_share', label: 'Missed share', unit: 'percent' },
      ]);
    });

    it('buckets by ISO week (Monday) when asked', async () => {
      const answer = await dashboard('inflow', admin, { funnelId: funnel.id, granularity: 'week' });
      // Web: D1, D2, D5, D7, D9; Radio: D3, D4, D8; no source: D6.
      expect(rows(answer, 'by_source')).toEqual([
        { period: '2024-03-04', source: 'Web', deals: 5 },
        { period: '2024-03-04', source: 'Radio', deals: 3 },
        { period: '2024-03-04', source: 'No source', deals: 1 },
      ]);
    });
  });

  describe('speed to lead', () => {
    it('gives median, p90, distribution and the SLA share of the takes, by branch and by manager', async () => {
      const answer = await dashboard('speed-to-lead', admin, { funnelId: funnel.id });
      // Takes (D9 was created taken, T1 is trashed): 120, 600, 1200, 2700, 7200, 86 400 s.
      // median = (1200 + 2700) / 2 = 1950; p90 at rank 0.9 × 5 = 4.5: 7200 + 0.5 × (86 400 − 7200) = 46 800;
      // within 30 min: 120, 600, 1200 = 3 of 6 = 50 %.
      // Before: 300, 5400: median 2850, p90 300 + 0.9 × 5100 = 4890, within 1 of 2 = 50 %.
      expect(kpis(answer)).toEqual({ taken: [6, 2], median_seconds: [1950, 2850], p90_seconds: [46_800, 4890], within_sla: [50, 50] });
      expect(rows(answer, 'distribution')).toEqual([
        { bucket: '< 5 min', deals: 1 },
        { bucket: '5–15 min', deals: 1 },
        { bucket: '15–30 min', deals: 1 },
        { bucket: '30–60 min', deals: 1 },
        { bucket: '1–4 h', deals: 1 },
        { bucket: '4–24 h', deals: 0 },
        { bucket: '> 1 day', deals: 1 },
      ]);
      expect(rows(answer, 'by_branch')).toEqual([
        // 120, 600, 1200, 2700: median (600 + 1200) / 2 = 900, p90 at 2.7: 1200 + 0.7 × 1500 = 2250, 3 of 4 within
        { branch: 'North', taken: 4, median_seconds: 900, p90_seconds: 2250, within_sla: 75 },
        // 7200, 86 400: median 46 800, p90 7200 + 0.9 × 79 200 = 78 480, none within
        { branch: 'South', taken: 2, median_seconds: 46_800, p90_seconds: 78_480, within_sla: 0 },
      ]);
      expect(rows(answer, 'by_manager')).toEqual([
        // 120, 600: median 360, p90 120 + 0.9 × 480 = 552
        { manager: 'Anna North', taken: 2, median_seconds: 360, p90_seconds: 552, within_sla: 100 },
        // 1200, 2700: median 1950, p90 1200 + 0.9 × 1500 = 2550
        { manager: 'Boris North', taken: 2, median_seconds: 1950, p90_seconds: 2550, within_sla: 50 },
        { manager: 'Carl South', taken: 2, median_seconds: 46_800, p90_seconds: 78_480, within_sla: 0 },
      ]);
    });

    it('filters by branch, and by manager as the taker', async () => {
      expect(kpis(await dashboard('speed-to-lead', admin, { branchId: southId }))).toMatchObject({ taken: [2, 1], median_seconds: [46_800, 5400] });
      // Anna took D1 (120 s) and D2 (600 s); before, P1 (300 s).
      expect(kpis(await dashboard('speed-to-lead', admin, { managerId: anna.id }))).toMatchObject({ taken: [2, 1], median_seconds: [360, 300], within_sla: [100, 100] });
    });
  });

  describe('conversion', () => {
    const expectedStages = (names: { contact: string }) => [
      // of the cohort D1–D9 (9): New = all but D9 (8); Contact = D1–D6, D9 (7); Offer = D1, D2, D3, D5 (4); Won = D1, D2 (2)
      { stage: 'New', reached: 8, from_previous: null, of_cohort: 88.9 },
      { stage: names.contact, reached: 7, from_previous: 87.5, of_cohort: 77.8 },
      { stage: 'Offer', reached: 4, from_previous: 57.1, of_cohort: 44.4 },
      { stage: 'Won', reached: 2, from_previous: 50, of_cohort: 22.2 },
      // "Test drive", deleted: D2 (1 of the 2 above = 50 %, 1 of 9 = 11.1 %)
      { stage: 'Deleted stage', reached: 1, from_previous: 50, of_cohort: 11.1 },
    ];

    it('follows the cohort through the stages (deleted ones last) and shows where lost deals were lost', async () => {
      const answer = await dashboard('conversion', admin, { funnelId: funnel.id });
      // won D1, D2 of 9 = 22.2 %; lost D3, D4, D8. Before: P1 won, P2 lost of 2 = 50 %.
      expect(kpis(answer)).toEqual({ cohort: [9, 2], won: [2, 1], conversion: [22.2, 50], lost: [3, 1] });
      expect(rows(answer, 'stages')).toEqual(expectedStages({ contact: 'Contact' }));
      expect(rows(answer, 'lost_reasons')).toEqual([
        { reason: 'No reason', stage: 'New', deals: 1 },
        { reason: 'Too expensive', stage: 'Contact', deals: 1 },
        { reason: 'Too expensive', stage: 'Offer', deals: 1 },
      ]);
    });

    it('keeps past numbers when stages are renamed and reordered', async () => {
      const before = await dashboard('stage-durations', admin, { funnelId: funnel.id });
      await t.http.patch(`/api/stages/${stage.contact}`).set(admin.auth).send({ name: 'First contact' }).expect(200);
      await t.http.put(`/api/funnels/${funnel.id}/stage-order`).set(admin.auth).send({ stageIds: [stage.new, stage.offer, stage.contact, stage.won] }).expect(200);
      try {
        const answer = await dashboard('conversion', admin, { funnelId: funnel.id });
        expect(kpis(answer)).toEqual({ cohort: [9, 2], won: [2, 1], conversion: [22.2, 50], lost: [3, 1] });
        // The same reached counts per stage, now in the new order (so "from the stage before" follows it).
        expect(rows(answer, 'stages')).toEqual([
          { stage: 'New', reached: 8, from_previous: null, of_cohort: 88.9 },
          { stage: 'Offer', reached: 4, from_previous: 50, of_cohort: 44.4 },
          { stage: 'First contact', reached: 7, from_previous: 175, of_cohort: 77.8 },
          { stage: 'Won', reached: 2, from_previous: 28.6, of_cohort: 22.2 },
          { stage: 'Deleted stage', reached: 1, from_previous: 50, of_cohort: 11.1 },
        ]);
        expect(rows(answer, 'lost_reasons')).toContainEqual({ reason: 'Too expensive', stage: 'First contact', deals: 1 });
        const after = await dashboard('stage-durations', admin, { funnelId: funnel.id });
        const byName = (answer: InsightsDashboard) => Object.fromEntries(rows(answer, 'stages').map(({ stage: name, ...figures }) => [name === 'First contact' ? 'Contact' : name, figures]));
        expect(byName(after)).toEqual(byName(before));
      } finally {
        await t.http.patch(`/api/stages/${stage.contact}`).set(admin.auth).send({ name: 'Contact' }).expect(200);
        await t.http.put(`/api/funnels/${funnel.id}/stage-order`).set(admin.auth).send({ stageIds: [stage.new, stage.contact, stage.offer, stage.won] }).expect(200);
      }
      expect(rows(await dashboard('conversion', admin, { funnelId: funnel.id }), 'stages')).toEqual(expectedStages({ contact: 'Contact' }));
    });
  });

  describe('stage durations', () => {
    it('gives median and p90 of the visits completed in the period, the deals in each stage now, and the stuck ones', async () => {
      const answer = await dashboard('stage-durations', admin, { funnelId: funnel.id });
      // 6 New + 4 Contact + 2 Offer + 1 Test drive = 13 completed visits; before: P1 New, P1 Contact, P2 New = 3.
      expect(kpis(answer)).toEqual({ visits: [13, 3] });
      expect(rows(answer, 'stages')).toEqual([
        // New: 120, 600, 1200, 2700, 7200, 86 400 (as the takes); now: D7 (D8 is lost)
        { stage: 'New', visits: 6, median_seconds: 1950, p90_seconds: 46_800, in_stage_now: 1 },
        // Contact: 14 400, 21 600, 86 400, 86 400: median (21 600 + 86 400) / 2 = 54 000, p90 at 2.7 = 86 400; now: D6, D9 (D4 is lost)
        { stage: 'Contact', visits: 4, median_seconds: 54_000, p90_seconds: 86_400, in_stage_now: 2 },
        // Offer: 86 400, 172 800: median 129 600, p90 86 400 + 0.9 × 86 400 = 164 160; now: D5 (D3 is lost)
        { stage: 'Offer', visits: 2, median_seconds: 129_600, p90_seconds: 164_160, in_stage_now: 1 },
        // Won: no visit ended; D1, D2 are won, not open
        { stage: 'Won', visits: 0, median_seconds: null, p90_seconds: null, in_stage_now: 0 },
        { stage: 'Deleted stage', visits: 1, median_seconds: 86_400, p90_seconds: 86_400, in_stage_now: 0 },
      ]);
      // Now 03-10 12:00. D5 in Offer since 03-06 14:00 = 3 d 22 h = 338 400 s > 164 160;
      // D6 in Contact since 03-07 09:00 = 3 d 3 h = 270 000 > 86 400; D7 in New since 03-07 10:00 = 3 d 2 h = 266 400 > 46 800;
      // D9 in Contact since 03-09 12:00 = exactly 86 400: not longer than usual.
      expect(rows(answer, 'stuck')).toEqual([
        { deal_id: deals.D5.id, deal_code: deals.D5.code, deal_title: 'D5', stage: 'Offer', responsible: 'Carl South', in_stage_seconds: 338_400, usual_p90_seconds: 164_160 },
        { deal_id: deals.D6.id, deal_code: deals.D6.code, deal_title: 'D6', stage: 'Contact', responsible: 'Carl South', in_stage_seconds: 270_000, usual_p90_seconds: 86_400 },
        { deal_id: deals.D7.id, deal_code: deals.D7.code, deal_title: 'D7', stage: 'New', responsible: null, in_stage_seconds: 266_400, usual_p90_seconds: 46_800 },
      ]);
    });
  });

  describe('managers', () => {
    it('gives each manager with something to show their takes, open deals, closings, revenue and response time', async () => {
      const answer = await dashboard('managers');
      // Closed in the period: D1, D2 won (30 000), D3, D4, D8 lost: 2 of 5 = 40 %. Before: P1 won (8 000), P2 lost.
      expect(kpis(answer)).toEqual({ won: [2, 1], revenue: [30_000, 8000], conversion: [40, 50] });
      expect(rows(answer, 'managers')).toEqual([
        // took D1, D2, D9; holds D9; won D1 + D2 = 30 000; mean wait (120 + 600) / 2 = 360 (D9 never waited)
        { manager: 'Anna North', taken: 3, open: 1, won: 2, lost: 0, conversion: 100, revenue: 30_000, avg_response_seconds: 360 },
        // took D3, D4, lost both; (1200 + 2700) / 2 = 1950
        { manager: 'Boris North', taken: 2, open: 0, won: 0, lost: 2, conversion: 0, revenue: 0, avg_response_seconds: 1950 },
        // took and holds D5, D6; closed nothing; (7200 + 86 400) / 2 = 46 800
        { manager: 'Carl South', taken: 2, open: 2, won: 0, lost: 0, conversion: null, revenue: 0, avg_response_seconds: 46_800 },
      ]);
    });

    it('filters by manager', async () => {
      const answer = await dashboard('managers', admin, { managerId: anna.id });
      expect(kpis(answer)).toEqual({ won: [2, 1], revenue: [30_000, 8000], conversion: [100, 100] });
      expect(rows(answer, 'managers').map((row) => row.manager)).toEqual(['Anna North']);
    });
  });

  describe('sources', () => {
    it('gives deals, won, conversion and revenue per source of the deals created in the period', async () => {
      const answer = await dashboard('sources');
      // 9 new deals, won revenue D1 + D2 = 30 000; before: P1, P2, P1 won 8 000.
      expect(kpis(answer)).toEqual({ deals: [9, 2], revenue: [30_000, 8000] });
      expect(rows(answer, 'sources')).toEqual([
        // D1, D2, D5, D7, D9: won D1, D2 = 2 of 5 = 40 %
        { source: 'Web', deals: 5, won: 2, conversion: 40, revenue: 30_000 },
        // D3, D4, D8
        { source: 'Radio', deals: 3, won: 0, conversion: 0, revenue: 0 },
        { source: 'No source', deals: 1, won: 0, conversion: 0, revenue: 0 },
      ]);
    });

    it('filters by source', async () => {
      const answer = await dashboard('sources', admin, { sourceId: radio.id });
      expect(kpis(answer)).toEqual({ deals: [3, 1], revenue: [0, 0] });
      expect(rows(answer, 'sources')).toEqual([{ source: 'Radio', deals: 3, won: 0, conversion: 0, revenue: 0 }]);
    });
  });

  describe('visibility', () => {
    it("shows a team lead only their branch's figures", async () => {
      // South: D5 (Web), D6 (no source), D8 (Radio); before: P2.
      const sources = await dashboard('sources', southLead);
      expect(kpis(sources)).toEqual({ deals: [3, 1], revenue: [0, 0] });
      expect(rows(sources, 'sources')).toEqual([
        { source: 'No source', deals: 1, won: 0, conversion: 0, revenue: 0 },
        { source: 'Radio', deals: 1, won: 0, conversion: 0, revenue: 0 },
        { source: 'Web', deals: 1, won: 0, conversion: 0, revenue: 0 },
      ]);
      expect(rows(await dashboard('speed-to-lead', southLead), 'by_manager').map((row) => row.manager)).toEqual(['Carl South']);
    });

    it('shows a manager their own deals and the untaken ones of their branch', async () => {
      // Boris: D3, D4 (his) and D7 (untaken, North); not Anna's deals nor South's.
      const sources = await dashboard('sources', boris);
      expect(rows(sources, 'sources')).toEqual([
        { source: 'Radio', deals: 2, won: 0, conversion: 0, revenue: 0 },
        { source: 'Web', deals: 1, won: 0, conversion: 0, revenue: 0 },
      ]);
      expect(rows(await dashboard('managers', boris), 'managers')).toEqual([
        { manager: 'Boris North', taken: 2, open: 0, won: 0, lost: 2, conversion: 0, revenue: 0, avg_response_seconds: 1950 },
      ]);
      // Only D3 is his of the cohort's Offer visits, and D7 waits in New.
      const stages = rows(await dashboard('conversion', boris, { funnelId: funnel.id }), 'stages');
      expect(stages.map((row) => [row.stage, row.reached])).toEqual([['New', 3], ['Contact', 2], ['Offer', 1], ['Won', 0]]);
    });
  });

  describe('validation', () => {
    const get = (path: string, query: Record<string, string>, viewer: TestUser = admin) => t.http.get(path).set(viewer.auth).query(query);

    it('requires funnelId where stages are counted', async () => {
      const response = await get('/api/insights/conversion', PERIOD).expect(400);
      expect(response.body.message).toBe('funnelId is required for the conversion dashboard: stages belong to one funnel');
      await get('/api/insights/stage-durations', PERIOD).expect(400);
    });

    it('refuses a period that ends before it starts, or is longer than 366 days', async () => {
      expect((await get('/api/insights/inflow', { from: '2024-03-04', to: '2024-03-04' }).expect(400)).body.message).toMatch(/^to must be after from/);
      expect((await get('/api/insights/inflow', { from: '2024-03-04', to: '2024-03-01' }).expect(400)).body.message).toMatch(/^to must be after from/);
      expect((await get('/api/insights/inflow', { from: '2023-01-01', to: '2024-01-03' }).expect(400)).body.message).toMatch(/at most 366 days/);
      await get('/api/insights/inflow', { from: '2023-01-01', to: '2024-01-02' }).expect(200);
    });

    it('names the field of a wrong or missing value', async () => {
      expect((await get('/api/insights/inflow', { to: '2024-03-11' }).expect(400)).body.message).toMatch(/from must be an ISO-8601 date-time/);
      expect((await get('/api/insights/inflow', { ...PERIOD, funnelId: 'nope' }).expect(400)).body.message).toBe('funnelId must be an id (UUID)');
      expect((await get('/api/insights/inflow', { ...PERIOD, granularity: 'month' }).expect(400)).body.message).toBe('granularity must be one of: day, week');
      expect((await get('/api/insights/inflow', { ...PERIOD, colour: 'red' }).expect(400)).body.message).toMatch(/colour/);
    });

    it('answers 404 for an unknown dashboard or funnel, listing the dashboards', async () => {
      const response = await get('/api/insights/weather', PERIOD).expect(404);
      expect(response.body.message).toBe('There is no dashboard "weather"; the dashboards are: inflow, speed-to-lead, conversion, stage-durations, managers, sources');
      await get('/api/insights/conversion', { ...PERIOD, funnelId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    });

    it('is for signed-in users only', async () => {
      await t.http.get('/api/insights/inflow').query(PERIOD).expect(401);
    });
  });
});
