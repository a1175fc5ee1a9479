import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { BoardDto, DealDto, FunnelDto, LoginResponse } from '@autofunnel/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { configureApp } from '../src/app.setup.js';
import { dataSourceOptions } from '../src/database/data-source.js';
import { createMigratedDatabase, dropDatabase } from '../src/database/database-admin.js';
import { seedDemoData, seedDemoDataIfEmpty } from '../src/database/seed/seed.js';

describe('schema and demo data (e2e)', () => {
  it('has migrations that build exactly the schema the entities describe', async () => {
    const dataSource = await new DataSource(dataSourceOptions(process.env.TEST_DB_URL!)).initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  describe('on a database of its own, seeded with the demo dealership', () => {
    const database = `autofunnel_seed_${Date.now()}_${process.pid}`;
    let dataSource: DataSource;
    let app: INestApplication;

    beforeAll(async () => {
      const url = await createMigratedDatabase(process.env.TEST_ADMIN_DB_URL!, database);
      dataSource = await new DataSource(dataSourceOptions(url)).initialize();
      expect(await seedDemoDataIfEmpty(dataSource)).toBe(true);
      // AppModule reads its configuration when first imported: import it after pointing it here.
      process.env.DATABASE_URL = url;
      const { AppModule } = await import('../src/app.module.js');
      const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
      app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
      await configureApp(app as NestExpressApplication);
      await app.init();
    });
    afterAll(async () => {
      process.env.DATABASE_URL = process.env.TEST_DB_URL;
      await app?.close();
      await dataSource?.destroy();
      await dropDatabase(process.env.TEST_ADMIN_DB_URL!, database);
    });

    it('creates the funnels, users and a few hundred consistent deals, once', async () => {
      expect(await seedDemoDataIfEmpty(dataSource)).toBe(false);
      const [funnels, users, deals, duplicates, seqs] = await Promise.all([
        dataSource.query(`SELECT f.name, count(s.id)::int AS stages FROM funnel f JOIN stage s ON s.funnel_id = f.id GROUP BY f.name ORDER BY f.name`),
        dataSource.query(`SELECT email, role FROM app_user ORDER BY email`),
        dataSource.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'lost')::int AS lost FROM deal`),
        dataSource.query(`SELECT count(*)::int AS n FROM (SELECT stage_id, position FROM deal GROUP BY 1, 2 HAVING count(*) > 1) d`),
        dataSource.query(`SELECT f.last_seq::int AS last, max(e.seq)::int AS max, count(e.seq)::int AS n FROM funnel f JOIN funnel_event e ON e.funnel_id = f.id GROUP BY f.id`),
      ]);
      expect(funnels).toEqual([{ name: 'Car showroom', stages: 8 }, { name: 'Service', stages: 5 }]);
      expect(users).toEqual([
        { email: 'admin@demo.local', role: 'admin' },
        { email: 'anna@demo.local', role: 'manager' },
        { email: 'boris@demo.local', role: 'manager' },
        { email: 'lead@demo.local', role: 'lead' },
      ]);
      expect(deals[0].n).toBeGreaterThanOrEqual(300);
      expect(deals[0].lost).toBeGreaterThan(0);
      expect(duplicates[0].n).toBe(0);
      for (const row of seqs) expect(row).toEqual({ last: row.n, max: row.n, n: row.n });

      // the showroom's channels, and repeat requests on a few open deals, each in the timeline
      const channels = await dataSource.query(`SELECT c.name FROM ad_channel c JOIN funnel f ON f.id = c.funnel_id WHERE f.name = 'Car showroom' ORDER BY c.name`);
      expect(channels).toEqual([{ name: 'Main phone line' }, { name: 'Website form' }, { name: 'WhatsApp' }]);
      const [flagged] = await dataSource.query(
        `SELECT count(*)::int AS deals, count(*) FILTER (WHERE status = 'open' AND EXISTS (SELECT 1 FROM funnel_event e WHERE e.deal_id = d.id AND e.type = 'deal.request_added'))::int AS recorded
           FROM deal d WHERE new_request_at IS NOT NULL`,
      );
      expect(flagged.deals).toBeGreaterThan(0);
      expect(flagged.recorded).toBe(flagged.deals);

      // every open deal's deadline is its open deadline row (the follow-up tab resolves it); closed deals have none
      const [deadlines] = await dataSource.query(
        `SELECT count(*) FILTER (WHERE d.status = 'open')::int AS open,
                count(*) FILTER (WHERE d.status = 'open' AND dl.due_at = d.deadline_at)::int AS matching,
                count(*) FILTER (WHERE d.status <> 'open' AND (d.deadline_at IS NOT NULL OR dl.id IS NOT NULL))::int AS closed_with_one
           FROM deal d LEFT JOIN deadline dl ON dl.deal_id = d.id AND dl.resolved_at IS NULL`,
      );
      expect(deadlines.open).toBeGreaterThan(0);
      expect(deadlines).toEqual({ open: deadlines.open, matching: deadlines.open, closed_with_one: 0 });
    });

    it('sets up the showroom process: SLA, win probabilities, rotting and required fields, with on-duty managers', async () => {
      const funnels = await dataSource.query(`SELECT name, distribution, sla_warn_minutes, sla_escalate_minutes FROM funnel ORDER BY name`);
      expect(funnels).toEqual([
        { name: 'Car showroom', distribution: 'off', sla_warn_minutes: 15, sla_escalate_minutes: 30 },
        { name: 'Service', distribution: 'off', sla_warn_minutes: null, sla_escalate_minutes: null },
      ]);
      const stages = await dataSource.query(
        `SELECT s.name, s.win_probability, s.rot_after_days, s.required_fields FROM stage s JOIN funnel f ON f.id = s.funnel_id WHERE f.name = 'Car showroom' ORDER BY s.position`,
      );
      expect(stages).toEqual([
        { name: 'Unassigned', win_probability: 5, rot_after_days: null, required_fields: [] },
        { name: 'Car selection', win_probability: 10, rot_after_days: 14, required_fields: [] },
        { name: 'Test drive', win_probability: 25, rot_after_days: 14, required_fields: ['vehicleInterest'] },
        { name: 'Trade-in appraisal', win_probability: 40, rot_after_days: 14, required_fields: [] },
        { name: 'Offer / negotiation', win_probability: 50, rot_after_days: 14, required_fields: [] },
        { name: 'Contract & payment', win_probability: 75, rot_after_days: 14, required_fields: ['offer'] },
        { name: 'Preparing for delivery', win_probability: 90, rot_after_days: 14, required_fields: [] },
        { name: 'Delivered', win_probability: 100, rot_after_days: null, required_fields: [] },
      ]);
      const service = await dataSource.query(`SELECT s.win_probability FROM stage s JOIN funnel f ON f.id = s.funnel_id WHERE f.name = 'Service' ORDER BY s.position`);
      expect(service.map((stage: { win_probability: number }) => stage.win_probability)).toEqual([20, 60, 90, 95, 100]);

      const users = await dataSource.query(`SELECT email, on_duty, max_open_deals FROM app_user ORDER BY email`);
      expect(users).toEqual([
        { email: 'admin@demo.local', on_duty: false, max_open_deals: null },
        { email: 'anna@demo.local', on_duty: true, max_open_deals: null },
        { email: 'boris@demo.local', on_duty: true, max_open_deals: null },
        { email: 'lead@demo.local', on_duty: false, max_open_deals: null },
      ]);

      // the seeded deals went through the process: every open deal past a stage's rules meets them
      const [process] = await dataSource.query(
        `SELECT count(*) FILTER (WHERE s.name = 'Test drive' AND COALESCE(btrim(d.vehicle_interest), '') = '')::int AS test_drive_without_vehicle,
                count(*) FILTER (WHERE s.name IN ('Contract & payment', 'Preparing for delivery')
                                   AND NOT EXISTS (SELECT 1 FROM offer o WHERE o.deal_id = d.id AND o.status = 'active'))::int AS contract_without_offer,
                count(*) FILTER (WHERE s.name IN ('Contract & payment', 'Preparing for delivery'))::int AS past_contract,
                count(*) FILTER (WHERE s.rot_after_days IS NOT NULL AND d.last_activity_at < now() - make_interval(days => s.rot_after_days))::int AS rotten,
                count(*) FILTER (WHERE s.kind = 'open')::int AS in_open_stages
           FROM deal d JOIN stage s ON s.id = d.stage_id JOIN funnel f ON f.id = d.funnel_id
          WHERE f.name = 'Car showroom' AND d.status = 'open'`,
      );
      expect(process).toMatchObject({ test_drive_without_vehicle: 0, contract_without_offer: 0 });
      expect(process.past_contract).toBeGreaterThan(0);
      expect(process.rotten).toBeGreaterThan(0);
      // a highlight, not the rule: most open deals were touched lately
      expect(process.rotten * 3).toBeLessThan(process.in_open_stages);
      const [{ unknown }] = await dataSource.query(`SELECT count(*)::int AS unknown FROM deal WHERE type IS NOT NULL AND type NOT IN (SELECT code FROM deal_type)`);
      expect(unknown).toBe(0);
    });

    it('gives every deal the stage history the insights read: each earlier stage visited, in order, ending where it is', async () => {
      const [history] = await dataSource.query(
        `SELECT count(*) FILTER (WHERE open.stage_id IS DISTINCT FROM d.stage_id OR open.entered_at <> d.stage_entered_at)::int AS astray,
                count(*) FILTER (WHERE (SELECT count(*) FROM deal_stage_visit v WHERE v.deal_id = d.id) <> s.position + 1)::int AS skipped,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM deal_stage_visit v JOIN stage vs ON vs.id = v.stage_id
                                                 WHERE v.deal_id = d.id AND (v.left_at < v.entered_at OR v.entered_at < d.created_at OR v.entered_at > now()
                                                   OR EXISTS (SELECT 1 FROM deal_stage_visit w JOIN stage ws ON ws.id = w.stage_id
                                                               WHERE w.deal_id = d.id AND ws.position < vs.position AND w.entered_at > v.entered_at))))::int AS out_of_order,
                count(*) FILTER (WHERE s.position >= 3)::int AS deep
           FROM deal d JOIN stage s ON s.id = d.stage_id LEFT JOIN deal_stage_visit open ON open.deal_id = d.id AND open.left_at IS NULL`,
      );
      expect(history).toEqual({ astray: 0, skipped: 0, out_of_order: 0, deep: history.deep });
      expect(history.deep).toBeGreaterThan(20);
    });

    it("walks the newcomer's path: anna logs in, takes an unassigned deal, moves it, sees both in its events", async () => {
      const http = request(app.getHttpServer());
      const login: LoginResponse = (await http.post('/api/auth/login').send({ email: 'anna@demo.local', password: 'demo1234' }).expect(200)).body;
      const auth = { Authorization: `Bearer ${login.accessToken}` };
      const [showroom]: FunnelDto[] = (await http.get('/api/funnels').set(auth).expect(200)).body;
      expect(showroom.stages.map((stage) => stage.name)).toEqual([
        'Unassigned', 'Car selection', 'Test drive', 'Trade-in appraisal', 'Offer / negotiation', 'Contract & payment', 'Preparing for delivery', 'Delivered',
      ]);
      const board: BoardDto = (await http.get(`/api/funnels/${showroom.id}/board`).set(auth).expect(200)).body;
      const untaken = board.columns[0].deals[0];
      expect(untaken.responsible).toBeNull();
      const taken: DealDto = (await http.post(`/api/deals/${untaken.id}/take`).set(auth).expect(200)).body;
      expect(taken.responsible?.name).toBe('Anna Smirnova');
      await http.post(`/api/deals/${untaken.id}/move`).set(auth).send({ stageId: showroom.stages[2].id }).expect(200);
      // the contract needs an offer first
      const refused = await http.post(`/api/deals/${untaken.id}/move`).set(auth).send({ stageId: showroom.stages[5].id }).expect(422);
      expect(refused.body).toMatchObject({ message: 'Cannot move to "Contract & payment": fill in an active offer first', missing: ['offer'] });
      const events = (await http.get(`/api/deals/${untaken.id}/events`).set(auth).expect(200)).body;
      expect(events.map((event: { type: string }) => event.type)).toEqual(['deal.created', 'deal.taken', 'deal.moved']);
    });

    it('re-seeds from scratch with npm run seed', async () => {
      await dataSource.query(`DELETE FROM funnel_event; DELETE FROM deal`);
      await seedDemoData(dataSource);
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM deal`);
      expect(n).toBeGreaterThanOrEqual(300);
    });
  });
});
