import { randomUUID } from 'node:crypto';
import type { DealDto, DealEventDto, FunnelDto, StageDto } from '@autofunnel/shared';
import { TestApp, uniquePhone, type TestUser } from './support/test-app.js';

const NO_RULES = { winProbability: null, rotAfterDays: null, requiredFields: [] };
const DEFAULT_STAGES = [
  { name: 'Unassigned', color: '#9e9e9e', kind: 'unassigned', position: 0, winProbability: 5 },
  { name: 'Car selection', color: '#42a5f5', kind: 'open', position: 1, winProbability: 10 },
  { name: 'Test drive', color: '#26c6da', kind: 'open', position: 2, winProbability: 25 },
  { name: 'Trade-in appraisal', color: '#ab47bc', kind: 'open', position: 3, winProbability: 40 },
  { name: 'Offer / negotiation', color: '#ffa726', kind: 'open', position: 4, winProbability: 50 },
  { name: 'Contract & payment', color: '#ef5350', kind: 'open', position: 5, winProbability: 75 },
  { name: 'Preparing for delivery', color: '#8d6e63', kind: 'open', position: 6, winProbability: 90 },
  { name: 'Delivered', color: '#66bb6a', kind: 'won', position: 7, winProbability: 100 },
].map((stage) => ({ ...NO_RULES, ...stage }));
/** A new funnel's settings: no distribution, no SLA. */
const NO_SETTINGS = { distribution: 'off', slaWarnMinutes: null, slaEscalateMinutes: null };

describe('funnels and stages (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  const uniqueName = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

  async function getFunnel(caller: TestUser, id: string): Promise<FunnelDto> {
    return (await t.http.get(`/api/funnels/${id}`).set(caller.auth).expect(200)).body as FunnelDto;
  }

  /** A deal in the funnel's unassigned stage, or moved to `stageId` when given. */
  async function deal(caller: TestUser, funnel: FunnelDto, stageId?: string): Promise<DealDto> {
    const created = await t.http
      .post('/api/deals')
      .set(caller.auth)
      .send({ funnelId: funnel.id, contact: { name: uniqueName('Customer'), phone: uniquePhone() } })
      .expect(201);
    if (!stageId) return created.body as DealDto;
    const moved = await t.http.post(`/api/deals/${created.body.id}/move`).set(caller.auth).send({ stageId }).expect(200);
    return moved.body as DealDto;
  }

  async function funnelEvents(funnelId: string): Promise<{ type: string; seq: number }[]> {
    const rows: { type: string; seq: string }[] = await t.dataSource.query('select type, seq from funnel_event where funnel_id=$1 order by seq', [funnelId]);
    return rows.map((row) => ({ type: row.type, seq: Number(row.seq) }));
  }

  const shape = (stages: StageDto[]) => stages.map(({ name, color, kind, position }) => ({ name, color, kind, position }));

  describe('GET /api/funnels', () => {
    it('lists funnels with their settings and stages in order, each {id, name, color, kind, position} and its rules', async () => {
      const admin = await t.user('admin');
      const manager = await t.user('manager');
      const funnel = await t.funnel(admin);
      const response = await t.http.get('/api/funnels').set(manager.auth).expect(200);
      const listed = (response.body as FunnelDto[]).find((candidate) => candidate.id === funnel.id);
      expect(listed).toEqual({
        id: funnel.id,
        name: funnel.name,
        ...NO_SETTINGS,
        stages: DEFAULT_STAGES.map((stage) => ({ id: expect.any(String), ...stage })),
      });
      for (const stage of listed!.stages) {
        expect(Object.keys(stage).sort()).toEqual(['color', 'id', 'kind', 'name', 'position', 'requiredFields', 'rotAfterDays', 'winProbability']);
      }
      for (const each of response.body as FunnelDto[]) {
        expect(each.stages.map((stage) => stage.position)).toEqual(each.stages.map((_, index) => index));
      }
    });

    it('answers 404 for an unknown funnel and 400 for a malformed id', async () => {
      const admin = await t.user('admin');
      const unknown = randomUUID();
      const missing = await t.http.get(`/api/funnels/${unknown}`).set(admin.auth).expect(404);
      expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: `Funnel ${unknown} does not exist` });
      const malformed = await t.http.get('/api/funnels/not-a-uuid').set(admin.auth).expect(400);
      expect(malformed.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/uuid/i) });
    });
  });

  describe('POST /api/funnels', () => {
    it('gives a funnel without stages the 8 default stages with their win probabilities: Unassigned first, Delivered (won) last', async () => {
      const admin = await t.user('admin');
      const name = uniqueName('Used cars');
      const response = await t.http.post('/api/funnels').set(admin.auth).send({ name: `  ${name}  ` }).expect(201);
      expect(response.body).toEqual({ id: expect.any(String), name, ...NO_SETTINGS, stages: DEFAULT_STAGES.map((stage) => ({ id: expect.any(String), ...stage })) });
      expect(new Set((response.body as FunnelDto).stages.map((stage) => stage.id)).size).toBe(8);
      expect(await getFunnel(admin, response.body.id)).toEqual(response.body);
    });

    it('infers the kinds of custom stages: first unassigned, last won, the rest open', async () => {
      const admin = await t.user('admin');
      const name = uniqueName('Fleet');
      const response = await t.http
        .post('/api/funnels')
        .set(admin.auth)
        .send({ name, stages: [{ name: 'Inbox' }, { name: 'Qualified', color: '#123abc' }, { name: 'Quoted', color: '#ABC' }, { name: 'Signed', color: '#00ff00' }] })
        .expect(201);
      expect(response.body.stages.map((stage: StageDto) => stage.winProbability)).toEqual([null, null, null, null]);
      expect(shape(response.body.stages)).toEqual([
        { name: 'Inbox', color: '#90a4ae', kind: 'unassigned', position: 0 },
        { name: 'Qualified', color: '#123abc', kind: 'open', position: 1 },
        { name: 'Quoted', color: '#ABC', kind: 'open', position: 2 },
        { name: 'Signed', color: '#00ff00', kind: 'won', position: 3 },
      ]);
      expect(response.body.name).toBe(name);
    });

    it('accepts explicit kinds in their right places', async () => {
      const admin = await t.user('admin');
      const response = await t.http
        .post('/api/funnels')
        .set(admin.auth)
        .send({ name: uniqueName('Explicit'), stages: [{ name: 'New', kind: 'unassigned' }, { name: 'Work', kind: 'open' }, { name: 'Done', kind: 'won' }] })
        .expect(201);
      expect(response.body.stages.map((stage: StageDto) => stage.kind)).toEqual(['unassigned', 'open', 'won']);
    });

    it.each([
      ['an open stage first', [{ name: 'A', kind: 'open' }, { name: 'B' }, { name: 'C' }], 'The unassigned stage must stay first'],
      ['an open stage last', [{ name: 'A' }, { name: 'B' }, { name: 'C', kind: 'open' }], 'The won stage must stay last'],
      ['a won stage in the middle', [{ name: 'A' }, { name: 'B', kind: 'won' }, { name: 'C' }], 'A funnel has exactly one unassigned stage (first) and one won stage (last)'],
      ['a second unassigned stage', [{ name: 'A' }, { name: 'B', kind: 'unassigned' }, { name: 'C' }], 'A funnel has exactly one unassigned stage (first) and one won stage (last)'],
      ['the won stage first', [{ name: 'A', kind: 'won' }, { name: 'B' }, { name: 'C', kind: 'unassigned' }], 'The unassigned stage must stay first'],
    ])('refuses custom stages with %s with 422 and creates nothing', async (_label, stages, message) => {
      const admin = await t.user('admin');
      const name = uniqueName('Broken');
      const response = await t.http.post('/api/funnels').set(admin.auth).send({ name, stages }).expect(422);
      expect(response.body).toEqual({ statusCode: 422, error: 'Unprocessable Entity', message });
      const all = (await t.http.get('/api/funnels').set(admin.auth).expect(200)).body as FunnelDto[];
      expect(all.filter((funnel) => funnel.name === name)).toEqual([]);
    });

    it('refuses a bad colour with 400 naming the field', async () => {
      const admin = await t.user('admin');
      const response = await t.http
        .post('/api/funnels')
        .set(admin.auth)
        .send({ name: uniqueName('Colours'), stages: [{ name: 'A' }, { name: 'B', color: 'blue' }, { name: 'C' }] })
        .expect(400);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'color must be a hex colour such as #42a5f5',
        fields: { 'stages.1.color': ['color must be a hex colour such as #42a5f5'] },
      });
    });

    it('refuses unknown fields with 400 naming them, at the top and inside stages', async () => {
      const admin = await t.user('admin');
      const top = await t.http.post('/api/funnels').set(admin.auth).send({ name: uniqueName('Extra'), owner: 'me' }).expect(400);
      expect(top.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'property owner should not exist', fields: { owner: ['property owner should not exist'] } });
      const nested = await t.http
        .post('/api/funnels')
        .set(admin.auth)
        .send({ name: uniqueName('Extra'), stages: [{ name: 'A', icon: 'x' }, { name: 'B' }, { name: 'C' }] })
        .expect(400);
      expect(nested.body.fields).toEqual({ 'stages.0.icon': ['property icon should not exist'] });
      expect(nested.body.message).toBe('property icon should not exist');
    });

    it('refuses fewer than 3 stages and a missing name with 400', async () => {
      const admin = await t.user('admin');
      const few = await t.http.post('/api/funnels').set(admin.auth).send({ name: uniqueName('Few'), stages: [{ name: 'A' }, { name: 'B' }] }).expect(400);
      expect(few.body.fields).toEqual({ stages: ['stages must hold an unassigned stage, at least one open stage and a won stage'] });
      const nameless = await t.http.post('/api/funnels').set(admin.auth).send({}).expect(400);
      expect(Object.keys(nameless.body.fields)).toEqual(['name']);
    });

    it('refuses blank (whitespace-only) funnel and stage names', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const blankFunnel = await t.http.post('/api/funnels').set(admin.auth).send({ name: '   ' });
      expect(blankFunnel.status).toBe(400);
      const blankStage = await t.http.patch(`/api/stages/${funnel.stages[2].id}`).set(admin.auth).send({ name: '   ' });
      expect(blankStage.status).toBe(400);
      expect((await getFunnel(admin, funnel.id)).stages[2].name).toBe('Test drive');
    });

    it('is for admins only', async () => {
      const lead = await t.user('lead');
      const response = await t.http.post('/api/funnels').set(lead.auth).send({ name: uniqueName('Lead') }).expect(403);
      expect(response.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'This needs the role admin; you are signed in as lead' });
    });
  });

  describe('PATCH and DELETE /api/funnels/:id', () => {
    it('renames a funnel (admin) and records funnel.updated', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const name = uniqueName('Renamed');
      const response = await t.http.patch(`/api/funnels/${funnel.id}`).set(admin.auth).send({ name: ` ${name} ` }).expect(200);
      expect(response.body).toEqual({ ...funnel, name });
      expect((await getFunnel(admin, funnel.id)).name).toBe(name);
      expect(await funnelEvents(funnel.id)).toEqual([
        { type: 'funnel.created', seq: 1 },
        { type: 'funnel.updated', seq: 2 },
      ]);
    });

    it('answers 403 to a manager renaming and keeps the name', async () => {
      const admin = await t.user('admin');
      const manager = await t.user('manager');
      const funnel = await t.funnel(admin);
      const response = await t.http.patch(`/api/funnels/${funnel.id}`).set(manager.auth).send({ name: 'Hijacked' }).expect(403);
      expect(response.body.message).toBe('This needs the role admin; you are signed in as manager');
      expect((await getFunnel(admin, funnel.id)).name).toBe(funnel.name);
    });

    it('answers 404 / 400 for unknown and malformed funnel ids, and 400 for an empty name', async () => {
      const admin = await t.user('admin');
      const unknown = randomUUID();
      const missing = await t.http.patch(`/api/funnels/${unknown}`).set(admin.auth).send({ name: 'X' }).expect(404);
      expect(missing.body.message).toBe(`Funnel ${unknown} does not exist`);
      await t.http.patch('/api/funnels/123').set(admin.auth).send({ name: 'X' }).expect(400);
      await t.http.delete(`/api/funnels/${unknown}`).set(admin.auth).expect(404);
      await t.http.delete('/api/funnels/123').set(admin.auth).expect(400);
      const funnel = await t.funnel(admin);
      const empty = await t.http.patch(`/api/funnels/${funnel.id}`).set(admin.auth).send({ name: '' }).expect(400);
      expect(empty.body.fields).toEqual({ name: ['name must not be empty'] });
    });

    it('refuses to delete a funnel that has deals with 409', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      await deal(admin, funnel);
      const response = await t.http.delete(`/api/funnels/${funnel.id}`).set(admin.auth).expect(409);
      expect(response.body).toEqual({ statusCode: 409, error: 'Conflict', message: 'The funnel still has 1 deal(s); move or close them out of it first' });
      await t.http.get(`/api/funnels/${funnel.id}`).set(admin.auth).expect(200);
    });

    it('says how many of the deals holding a funnel are in the trash, where the board does not show them', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const invalid = await deal(admin, funnel);
      await t.http.post(`/api/deals/${invalid.id}/trash`).set(admin.auth).expect(200);
      const response = await t.http.delete(`/api/funnels/${funnel.id}`).set(admin.auth).expect(409);
      expect(response.body.message).toBe('The funnel still has 1 deal(s) (1 of them in the trash, which only an admin sees under Admin → Trash); move or close them out of it first');
    });

    it('deletes an empty funnel with 204; then it answers 404 and is no longer listed', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const manager = await t.user('manager');
      await t.http.delete(`/api/funnels/${funnel.id}`).set(manager.auth).expect(403);
      const response = await t.http.delete(`/api/funnels/${funnel.id}`).set(admin.auth).expect(204);
      expect(response.text).toBe('');
      await t.http.get(`/api/funnels/${funnel.id}`).set(admin.auth).expect(404);
      const all = (await t.http.get('/api/funnels').set(admin.auth).expect(200)).body as FunnelDto[];
      expect(all.map((each) => each.id)).not.toContain(funnel.id);
      await t.http.delete(`/api/funnels/${funnel.id}`).set(admin.auth).expect(404);
    });
  });

  describe('funnel settings: distribution and speed-to-lead SLA', () => {
    it('saves distribution and SLA minutes (admin), lists them and records funnel.updated', async () => {
      const admin = await t.user('admin');
      const manager = await t.user('manager');
      const funnel = await t.funnel(admin);
      const settings = { distribution: 'round_robin', slaWarnMinutes: 15, slaEscalateMinutes: 30 };
      const response = await t.http.patch(`/api/funnels/${funnel.id}`).set(admin.auth).send(settings).expect(200);
      expect(response.body).toEqual({ ...funnel, ...settings });
      const listed = ((await t.http.get('/api/funnels').set(manager.auth).expect(200)).body as FunnelDto[]).find((each) => each.id === funnel.id);
      expect(listed).toEqual({ ...funnel, ...settings });
      const [updated] = await t.dataSource.query(`select data from funnel_event where funnel_id=$1 and type='funnel.updated'`, [funnel.id]);
      expect(updated.data.funnel).toEqual({ ...funnel, ...settings });

      // one setting at a time; the others stay; null switches the SLA off
      const leastBusy = await t.http.patch(`/api/funnels/${funnel.id}`).set(admin.auth).send({ distribution: 'least_busy' }).expect(200);
      expect(leastBusy.body).toEqual({ ...funnel, ...settings, distribution: 'least_busy' });
      const off = await t.http.patch(`/api/funnels/${funnel.id}`).set(admin.auth).send({ slaWarnMinutes: null, slaEscalateMinutes: null }).expect(200);
      expect(off.body).toEqual({ ...funnel, distribution: 'least_busy' });
      expect(await funnelEvents(funnel.id)).toEqual([
        { type: 'funnel.created', seq: 1 },
        { type: 'funnel.updated', seq: 2 },
        { type: 'funnel.updated', seq: 3 },
        { type: 'funnel.updated', seq: 4 },
      ]);
    });

    it('accepts an escalation without a warning, and a warning without an escalation', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const escalateOnly = await t.http.patch(`/api/funnels/${funnel.id}`).set(admin.auth).send({ slaEscalateMinutes: 20 }).expect(200);
      expect(escalateOnly.body).toMatchObject({ slaWarnMinutes: null, slaEscalateMinutes: 20 });
      const warnOnly = await t.http.patch(`/api/funnels/${funnel.id}`).set(admin.auth).send({ slaWarnMinutes: 45, slaEscalateMinutes: null }).expect(200);
      expect(warnOnly.body).toMatchObject({ slaWarnMinutes: 45, slaEscalateMinutes: null });
    });

    it('refuses a warning not before the escalation with 422, given together or against the saved value, and changes nothing', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const together = await t.http.patch(`/api/funnels/${funnel.id}`).set(admin.auth).send({ slaWarnMinutes: 30, slaEscalateMinutes: 30 }).expect(422);
      expect(together.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'slaWarnMinutes (30) must be less than slaEscalateMinutes (30): the card turns amber before the deal is escalated',
      });
      await t.http.patch(`/api/funnels/${funnel.id}`).set(admin.auth).send({ slaWarnMinutes: 15, slaEscalateMinutes: 30 }).expect(200);
      const warnLater = await t.http.patch(`/api/funnels/${funnel.id}`).set(admin.auth).send({ slaWarnMinutes: 40 }).expect(422);
      expect(warnLater.body.message).toBe('slaWarnMinutes (40) must be less than slaEscalateMinutes (30): the card turns amber before the deal is escalated');
      const escalateSooner = await t.http.patch(`/api/funnels/${funnel.id}`).set(admin.auth).send({ name: 'Renamed meanwhile', slaEscalateMinutes: 10 }).expect(422);
      expect(escalateSooner.body.message).toBe('slaWarnMinutes (15) must be less than slaEscalateMinutes (10): the card turns amber before the deal is escalated');
      expect(await getFunnel(admin, funnel.id)).toEqual({ ...funnel, slaWarnMinutes: 15, slaEscalateMinutes: 30 });
      expect((await funnelEvents(funnel.id)).map((event) => event.type)).toEqual(['funnel.created', 'funnel.updated']);
    });

    it.each([
      [{ distribution: 'random' }, 'distribution', 'distribution must be one of: off, round_robin, least_busy'],
      [{ distribution: null }, 'distribution', 'distribution must be one of: off, round_robin, least_busy'],
      [{ slaWarnMinutes: 0 }, 'slaWarnMinutes', 'slaWarnMinutes must be 1 minute or more, or null for none'],
      [{ slaWarnMinutes: 2.5 }, 'slaWarnMinutes', 'slaWarnMinutes must be a whole number of minutes, or null for none'],
      [{ slaEscalateMinutes: '30' }, 'slaEscalateMinutes', 'slaEscalateMinutes must be a whole number of minutes, or null for none'],
      [{ slaEscalateMinutes: 100_000 }, 'slaEscalateMinutes', 'slaEscalateMinutes must be at most 10080 minutes (a week)'],
    ])('refuses %j with 400 naming the field', async (body, field, message) => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const response = await t.http.patch(`/api/funnels/${funnel.id}`).set(admin.auth).send(body).expect(400);
      expect(Object.keys(response.body.fields)).toEqual([field]);
      expect(response.body.fields[field]).toContain(message);
      expect(await getFunnel(admin, funnel.id)).toEqual(funnel);
    });

    it('refuses an empty change with 400, and settings from a team lead or a manager with 403', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const empty = await t.http.patch(`/api/funnels/${funnel.id}`).set(admin.auth).send({}).expect(400);
      expect(empty.body.message).toBe('Give name, distribution, slaWarnMinutes or slaEscalateMinutes');
      for (const role of ['lead', 'manager'] as const) {
        const caller = await t.user(role);
        await t.http.patch(`/api/funnels/${funnel.id}`).set(caller.auth).send({ distribution: 'round_robin' }).expect(403);
      }
      expect(await getFunnel(admin, funnel.id)).toEqual(funnel);
    });

    it('creates a funnel with its settings, refusing a warning not before the escalation', async () => {
      const admin = await t.user('admin');
      const name = uniqueName('Fleet');
      const created = await t.http.post('/api/funnels').set(admin.auth).send({ name, distribution: 'least_busy', slaWarnMinutes: 5, slaEscalateMinutes: 10 }).expect(201);
      expect(created.body).toMatchObject({ name, distribution: 'least_busy', slaWarnMinutes: 5, slaEscalateMinutes: 10 });
      const refusedName = uniqueName('Backwards');
      const refused = await t.http.post('/api/funnels').set(admin.auth).send({ name: refusedName, slaWarnMinutes: 10, slaEscalateMinutes: 5 }).expect(422);
      expect(refused.body.message).toBe('slaWarnMinutes (10) must be less than slaEscalateMinutes (5): the card turns amber before the deal is escalated');
      const all = (await t.http.get('/api/funnels').set(admin.auth).expect(200)).body as FunnelDto[];
      expect(all.filter((funnel) => funnel.name === refusedName)).toEqual([]);
    });
  });

  describe('stage rules: win probability, rotting, required fields', () => {
    it('saves, lists and clears a stage\'s rules (admin), each change a stage.updated event', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const stage = funnel.stages[2];
      const rules = { winProbability: 35, rotAfterDays: 10, requiredFields: ['vehicleInterest', 'contactPhone'] };
      const saved = await t.http.patch(`/api/stages/${stage.id}`).set(admin.auth).send(rules).expect(200);
      expect(saved.body).toEqual({ ...stage, ...rules });
      expect((await getFunnel(admin, funnel.id)).stages[2]).toEqual({ ...stage, ...rules });

      const renamed = await t.http.patch(`/api/stages/${stage.id}`).set(admin.auth).send({ name: 'Drive' }).expect(200);
      expect(renamed.body).toEqual({ ...stage, ...rules, name: 'Drive' });
      const cleared = await t.http.patch(`/api/stages/${stage.id}`).set(admin.auth).send({ winProbability: null, rotAfterDays: null, requiredFields: [] }).expect(200);
      expect(cleared.body).toEqual({ ...stage, ...NO_RULES, name: 'Drive' });

      const events: { data: { stage: StageDto } }[] = await t.dataSource.query(`select data from funnel_event where funnel_id=$1 and type='stage.updated' order by seq`, [funnel.id]);
      expect(events.map((event) => event.data.stage)).toEqual([saved.body, renamed.body, cleared.body]);
    });

    it('lets the won stage require fields (closing as won enters it), not the unassigned stage (422)', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const won = await t.http.patch(`/api/stages/${funnel.stages[7].id}`).set(admin.auth).send({ requiredFields: ['amount', 'offer'] }).expect(200);
      expect(won.body.requiredFields).toEqual(['amount', 'offer']);
      const unassigned = await t.http.patch(`/api/stages/${funnel.stages[0].id}`).set(admin.auth).send({ requiredFields: ['contactPhone'] }).expect(422);
      expect(unassigned.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: '"Unassigned" is the unassigned stage, where new requests arrive; it cannot have required fields',
      });
      await t.http.patch(`/api/stages/${funnel.stages[0].id}`).set(admin.auth).send({ requiredFields: [], winProbability: 1 }).expect(200);
      expect((await getFunnel(admin, funnel.id)).stages[0]).toEqual({ ...funnel.stages[0], winProbability: 1 });
    });

    it('adds a stage with its rules', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const rules = { winProbability: 60, rotAfterDays: 7, requiredFields: ['amount'] };
      const response = await t.http.post(`/api/funnels/${funnel.id}/stages`).set(admin.auth).send({ name: 'Financing', ...rules }).expect(201);
      expect(response.body).toEqual({ id: expect.any(String), name: 'Financing', color: '#90a4ae', kind: 'open', position: 7, ...rules });
      const bad = await t.http.post(`/api/funnels/${funnel.id}/stages`).set(admin.auth).send({ name: 'Bad', winProbability: 120 }).expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['winProbability']);
    });
  });

  describe('POST /api/funnels/:id/stages', () => {
    it('adds a stage just before the won stage by default', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const response = await t.http.post(`/api/funnels/${funnel.id}/stages`).set(admin.auth).send({ name: ' Financing ' }).expect(201);
      expect(response.body).toEqual({ id: expect.any(String), name: 'Financing', color: '#90a4ae', kind: 'open', position: 7, ...NO_RULES });
      const after = await getFunnel(admin, funnel.id);
      expect(after.stages.map((stage) => stage.name)).toEqual([...DEFAULT_STAGES.slice(0, 7).map((stage) => stage.name), 'Financing', 'Delivered']);
      expect(after.stages.map((stage) => stage.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
      expect(after.stages[7].id).toBe(response.body.id);
      expect(after.stages[8]).toEqual({ ...funnel.stages[7], position: 8 });
    });

    it('adds a stage right after afterStageId', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const response = await t.http
        .post(`/api/funnels/${funnel.id}/stages`)
        .set(admin.auth)
        .send({ name: 'Credit check', color: '#112233', afterStageId: funnel.stages[2].id })
        .expect(201);
      expect(response.body).toEqual({ id: expect.any(String), name: 'Credit check', color: '#112233', kind: 'open', position: 3, ...NO_RULES });
      const after = await getFunnel(admin, funnel.id);
      expect(after.stages.map((stage) => stage.id)).toEqual([...funnel.stages.slice(0, 3).map((s) => s.id), response.body.id, ...funnel.stages.slice(3).map((s) => s.id)]);
      expect(after.stages.map((stage) => stage.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);

      const first = await t.http.post(`/api/funnels/${funnel.id}/stages`).set(admin.auth).send({ name: 'Triage', afterStageId: funnel.stages[0].id }).expect(201);
      expect(first.body.position).toBe(1);
      expect((await getFunnel(admin, funnel.id)).stages.map((stage) => stage.name).slice(0, 3)).toEqual(['Unassigned', 'Triage', 'Car selection']);
    });

    it('refuses afterStageId of another funnel and after the won stage with 422', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const other = await t.funnel(admin);
      const foreign = await t.http.post(`/api/funnels/${funnel.id}/stages`).set(admin.auth).send({ name: 'X', afterStageId: other.stages[2].id }).expect(422);
      expect(foreign.body).toEqual({ statusCode: 422, error: 'Unprocessable Entity', message: `afterStageId ${other.stages[2].id} is not a stage of this funnel` });
      const afterWon = await t.http.post(`/api/funnels/${funnel.id}/stages`).set(admin.auth).send({ name: 'X', afterStageId: funnel.stages[7].id }).expect(422);
      expect(afterWon.body.message).toBe('The won stage must stay last; add the stage before it');
      expect(await getFunnel(admin, funnel.id)).toEqual(funnel);
      expect(await getFunnel(admin, other.id)).toEqual(other);
    });

    it('answers 404 for an unknown funnel, 400 for a malformed one, bad colour or non-UUID afterStageId, 403 for a lead', async () => {
      const admin = await t.user('admin');
      const lead = await t.user('lead');
      const funnel = await t.funnel(admin);
      const unknown = randomUUID();
      const missing = await t.http.post(`/api/funnels/${unknown}/stages`).set(admin.auth).send({ name: 'X' }).expect(404);
      expect(missing.body.message).toBe(`Funnel ${unknown} does not exist`);
      await t.http.post('/api/funnels/nope/stages').set(admin.auth).send({ name: 'X' }).expect(400);
      const colour = await t.http.post(`/api/funnels/${funnel.id}/stages`).set(admin.auth).send({ name: 'X', color: '#12345' }).expect(400);
      expect(colour.body.fields).toEqual({ color: ['color must be a hex colour such as #42a5f5'] });
      const after = await t.http.post(`/api/funnels/${funnel.id}/stages`).set(admin.auth).send({ name: 'X', afterStageId: 'stage-2' }).expect(400);
      expect(after.body.fields).toEqual({ afterStageId: ['afterStageId must be a stage id (UUID)'] });
      await t.http.post(`/api/funnels/${funnel.id}/stages`).set(lead.auth).send({ name: 'X' }).expect(403);
      expect(await getFunnel(admin, funnel.id)).toEqual(funnel);
    });
  });

  describe('PATCH /api/stages/:id', () => {
    it('renames and recolours a stage', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const stage = funnel.stages[3];
      const renamed = await t.http.patch(`/api/stages/${stage.id}`).set(admin.auth).send({ name: ' Appraisal ' }).expect(200);
      expect(renamed.body).toEqual({ ...stage, name: 'Appraisal' });
      const recoloured = await t.http.patch(`/api/stages/${stage.id}`).set(admin.auth).send({ color: '#000000' }).expect(200);
      expect(recoloured.body).toEqual({ ...stage, name: 'Appraisal', color: '#000000' });
      const both = await t.http.patch(`/api/stages/${stage.id}`).set(admin.auth).send({ name: 'Valuation', color: '#fff' }).expect(200);
      expect(both.body).toEqual({ ...stage, name: 'Valuation', color: '#fff' });
      const after = await getFunnel(admin, funnel.id);
      expect(after.stages[3]).toEqual({ ...stage, name: 'Valuation', color: '#fff' });
      expect(after.stages.filter((_, index) => index !== 3)).toEqual(funnel.stages.filter((_, index) => index !== 3));
    });

    it('answers 400 for a bad colour or unknown field, 404 for an unknown stage, 400 for a malformed id, 403 for a manager', async () => {
      const admin = await t.user('admin');
      const manager = await t.user('manager');
      const funnel = await t.funnel(admin);
      const stage = funnel.stages[1];
      const colour = await t.http.patch(`/api/stages/${stage.id}`).set(admin.auth).send({ color: 'red' }).expect(400);
      expect(colour.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'color must be a hex colour such as #42a5f5',
        fields: { color: ['color must be a hex colour such as #42a5f5'] },
      });
      const kind = await t.http.patch(`/api/stages/${stage.id}`).set(admin.auth).send({ kind: 'won' }).expect(400);
      expect(kind.body.fields).toEqual({ kind: ['property kind should not exist'] });
      const unknown = randomUUID();
      const missing = await t.http.patch(`/api/stages/${unknown}`).set(admin.auth).send({ name: 'X' }).expect(404);
      expect(missing.body.message).toBe(`Stage ${unknown} does not exist`);
      await t.http.patch('/api/stages/xyz').set(admin.auth).send({ name: 'X' }).expect(400);
      await t.http.patch(`/api/stages/${stage.id}`).set(manager.auth).send({ name: 'Mine' }).expect(403);
      expect(await getFunnel(admin, funnel.id)).toEqual(funnel);
    });
  });

  describe('PUT /api/funnels/:id/stage-order', () => {
    it('reorders the open stages and returns the funnel with positions 0..n-1', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const [unassigned, ...rest] = funnel.stages;
      const won = rest.pop()!;
      const order = [unassigned, ...[...rest].reverse(), won];
      const response = await t.http.put(`/api/funnels/${funnel.id}/stage-order`).set(admin.auth).send({ stageIds: order.map((stage) => stage.id) }).expect(200);
      const expected = { id: funnel.id, name: funnel.name, ...NO_SETTINGS, stages: order.map((stage, position) => ({ ...stage, position })) };
      expect(response.body).toEqual(expected);
      expect(await getFunnel(admin, funnel.id)).toEqual(expected);
    });

    it('refuses an order that omits a stage, or adds a foreign one, with 422', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const other = await t.funnel(admin);
      const ids = funnel.stages.map((stage) => stage.id);
      const omitted = await t.http
        .put(`/api/funnels/${funnel.id}/stage-order`)
        .set(admin.auth)
        .send({ stageIds: ids.filter((_, index) => index !== 3) })
        .expect(422);
      expect(omitted.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'stageIds must list every stage of the funnel exactly once: it omits Trade-in appraisal',
      });
      const foreign = await t.http
        .put(`/api/funnels/${funnel.id}/stage-order`)
        .set(admin.auth)
        .send({ stageIds: [...ids.slice(0, 7), other.stages[3].id, ids[7]] })
        .expect(422);
      expect(foreign.body.message).toBe(`stageIds must list every stage of the funnel exactly once: ${other.stages[3].id} are not stages of this funnel`);
      const repeated = await t.http.put(`/api/funnels/${funnel.id}/stage-order`).set(admin.auth).send({ stageIds: [...ids, ids[2]] }).expect(400);
      expect(repeated.body.fields).toEqual({ stageIds: ['stageIds must not repeat a stage'] });
      expect(await getFunnel(admin, funnel.id)).toEqual(funnel);
    });

    it('refuses moving the unassigned or the won stage from its end with 422', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const ids = funnel.stages.map((stage) => stage.id);
      const unassignedMoved = await t.http
        .put(`/api/funnels/${funnel.id}/stage-order`)
        .set(admin.auth)
        .send({ stageIds: [ids[1], ids[0], ...ids.slice(2)] })
        .expect(422);
      expect(unassignedMoved.body).toEqual({ statusCode: 422, error: 'Unprocessable Entity', message: 'The unassigned stage must stay first' });
      const wonMoved = await t.http
        .put(`/api/funnels/${funnel.id}/stage-order`)
        .set(admin.auth)
        .send({ stageIds: [...ids.slice(0, 6), ids[7], ids[6]] })
        .expect(422);
      expect(wonMoved.body.message).toBe('The won stage must stay last');
      expect(await getFunnel(admin, funnel.id)).toEqual(funnel);
      expect(await funnelEvents(funnel.id)).toEqual([{ type: 'funnel.created', seq: 1 }]);
    });

    it('answers 404 for an unknown funnel, 400 for a malformed id or non-UUID ids, 403 for a manager', async () => {
      const admin = await t.user('admin');
      const manager = await t.user('manager');
      const funnel = await t.funnel(admin);
      const ids = funnel.stages.map((stage) => stage.id);
      await t.http.put(`/api/funnels/${randomUUID()}/stage-order`).set(admin.auth).send({ stageIds: ids }).expect(404);
      await t.http.put('/api/funnels/zzz/stage-order').set(admin.auth).send({ stageIds: ids }).expect(400);
      const bad = await t.http.put(`/api/funnels/${funnel.id}/stage-order`).set(admin.auth).send({ stageIds: ['a', 'b'] }).expect(400);
      expect(bad.body.fields).toEqual({ stageIds: ['each value in stageIds must be a stage id (UUID)'] });
      await t.http.put(`/api/funnels/${funnel.id}/stage-order`).set(manager.auth).send({ stageIds: ids }).expect(403);
    });
  });

  describe('DELETE /api/stages/:id', () => {
    it('deletes an empty open stage with 204 and closes the gap in positions', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const response = await t.http.delete(`/api/stages/${funnel.stages[4].id}`).set(admin.auth).expect(204);
      expect(response.text).toBe('');
      const after = await getFunnel(admin, funnel.id);
      expect(after.stages).toEqual(funnel.stages.filter((_, index) => index !== 4).map((stage, position) => ({ ...stage, position })));
      await t.http.patch(`/api/stages/${funnel.stages[4].id}`).set(admin.auth).send({ name: 'Gone' }).expect(404);
    });

    it('refuses a stage that holds deals without moveDealsTo with 409', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const held = await deal(admin, funnel, funnel.stages[2].id);
      const response = await t.http.delete(`/api/stages/${funnel.stages[2].id}`).set(admin.auth).expect(409);
      expect(response.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'Stage "Test drive" still holds 1 deal(s); choose a stage to move them to (moveDealsTo)',
      });
      expect(await getFunnel(admin, funnel.id)).toEqual(funnel);
      expect((await t.http.get(`/api/deals/${held.id}`).set(admin.auth).expect(200)).body.stageId).toBe(funnel.stages[2].id);
    });

    it('moves the deals to moveDealsTo (below the ones there, in their order, distinct positions) with deal.moved events', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const doomed = funnel.stages[2];
      const target = funnel.stages[5];
      const resident = await deal(admin, funnel, target.id);
      const lower = await deal(admin, funnel, doomed.id);
      const upper = await deal(admin, funnel, doomed.id); // moved to the top, so above `lower`
      expect(upper.position < lower.position).toBe(true);

      await t.http.delete(`/api/stages/${doomed.id}`).query({ moveDealsTo: target.id }).set(admin.auth).expect(204);

      const [residentAfter, upperAfter, lowerAfter] = await Promise.all(
        [resident, upper, lower].map(async (each) => (await t.http.get(`/api/deals/${each.id}`).set(admin.auth).expect(200)).body as DealDto),
      );
      for (const moved of [upperAfter, lowerAfter]) {
        expect(moved).toEqual(expect.objectContaining({ stageId: target.id, status: 'open', funnelId: funnel.id }));
      }
      expect(upperAfter.version).toBe(upper.version + 1);
      expect(residentAfter).toEqual(resident);
      expect(new Set([residentAfter.position, upperAfter.position, lowerAfter.position]).size).toBe(3);
      expect(residentAfter.position < upperAfter.position && upperAfter.position < lowerAfter.position).toBe(true);

      for (const moved of [upper, lower]) {
        const events = (await t.http.get(`/api/deals/${moved.id}/events`).set(admin.auth).expect(200)).body as DealEventDto[];
        const last = events[events.length - 1];
        expect(last).toEqual({
          seq: expect.any(Number),
          type: 'deal.moved',
          at: expect.any(String),
          actor: { id: admin.id, name: admin.name },
          data: expect.objectContaining({ fromStageId: doomed.id, toStageId: target.id, reason: 'stage deleted' }),
        });
      }
      const board = await t.http.get(`/api/funnels/${funnel.id}/board`).set(admin.auth).expect(200);
      const column = board.body.columns.find((each: { stageId: string }) => each.stageId === target.id);
      expect(column.deals.map((each: DealDto) => each.id)).toEqual([resident.id, upper.id, lower.id]);
      expect(board.body.columns.map((each: { stageId: string }) => each.stageId)).not.toContain(doomed.id);
    });

    it('refuses to delete the unassigned or the won stage with 422', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const unassigned = await t.http.delete(`/api/stages/${funnel.stages[0].id}`).set(admin.auth).expect(422);
      expect(unassigned.body).toEqual({ statusCode: 422, error: 'Unprocessable Entity', message: 'The unassigned stage cannot be deleted; every funnel needs one' });
      const won = await t.http.delete(`/api/stages/${funnel.stages[7].id}`).query({ moveDealsTo: funnel.stages[6].id }).set(admin.auth).expect(422);
      expect(won.body.message).toBe('The won stage cannot be deleted; every funnel needs one');
      expect(await getFunnel(admin, funnel.id)).toEqual(funnel);
    });

    it('refuses moveDealsTo a stage of another funnel (or the stage itself) with 422 and keeps the deals', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const other = await t.funnel(admin);
      const held = await deal(admin, funnel, funnel.stages[3].id);
      const foreign = await t.http.delete(`/api/stages/${funnel.stages[3].id}`).query({ moveDealsTo: other.stages[3].id }).set(admin.auth).expect(422);
      expect(foreign.body).toEqual({ statusCode: 422, error: 'Unprocessable Entity', message: 'moveDealsTo must be another stage of the same funnel' });
      const itself = await t.http.delete(`/api/stages/${funnel.stages[3].id}`).query({ moveDealsTo: funnel.stages[3].id }).set(admin.auth).expect(422);
      expect(itself.body.message).toBe('moveDealsTo must be another stage of the same funnel');
      expect(await getFunnel(admin, funnel.id)).toEqual(funnel);
      expect((await t.http.get(`/api/deals/${held.id}`).set(admin.auth).expect(200)).body).toEqual(held);
    });

    it('refuses moveDealsTo a stage of another funnel with 422 even when the stage is empty', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const other = await t.funnel(admin);
      const response = await t.http.delete(`/api/stages/${funnel.stages[3].id}`).query({ moveDealsTo: other.stages[3].id }).set(admin.auth);
      expect({ status: response.status, message: response.body.message }).toEqual({ status: 422, message: 'moveDealsTo must be another stage of the same funnel' });
      expect(await getFunnel(admin, funnel.id)).toEqual(funnel);
    });

    it('answers 404 for an unknown stage, 400 for malformed ids, 403 for a lead', async () => {
      const admin = await t.user('admin');
      const lead = await t.user('lead');
      const funnel = await t.funnel(admin);
      const unknown = randomUUID();
      const missing = await t.http.delete(`/api/stages/${unknown}`).set(admin.auth).expect(404);
      expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: `Stage ${unknown} does not exist` });
      await t.http.delete('/api/stages/42').set(admin.auth).expect(400);
      const target = await t.http.delete(`/api/stages/${funnel.stages[3].id}`).query({ moveDealsTo: 'elsewhere' }).set(admin.auth).expect(400);
      expect(target.body.fields).toEqual({ moveDealsTo: ['moveDealsTo must be a stage id (UUID)'] });
      await t.http.delete(`/api/stages/${funnel.stages[3].id}`).set(lead.auth).expect(403);
      expect(await getFunnel(admin, funnel.id)).toEqual(funnel);
    });
  });

  it('records each stage change as a funnel event with consecutive sequence numbers', async () => {
    const admin = await t.user('admin');
    const funnel = await t.funnel(admin);
    const added = await t.http.post(`/api/funnels/${funnel.id}/stages`).set(admin.auth).send({ name: 'Financing' }).expect(201);
    await t.http.patch(`/api/stages/${added.body.id}`).set(admin.auth).send({ color: '#010203' }).expect(200);
    const current = await getFunnel(admin, funnel.id);
    const ids = current.stages.map((stage) => stage.id);
    await t.http.put(`/api/funnels/${funnel.id}/stage-order`).set(admin.auth).send({ stageIds: [ids[0], ids[2], ids[1], ...ids.slice(3)] }).expect(200);
    // Refused changes leave no event.
    await t.http.put(`/api/funnels/${funnel.id}/stage-order`).set(admin.auth).send({ stageIds: ids.slice(1) }).expect(422);
    await t.http.delete(`/api/stages/${ids[0]}`).set(admin.auth).expect(422);
    await t.http.delete(`/api/stages/${added.body.id}`).set(admin.auth).expect(204);

    expect(await funnelEvents(funnel.id)).toEqual([
      { type: 'funnel.created', seq: 1 },
      { type: 'stage.created', seq: 2 },
      { type: 'stage.updated', seq: 3 },
      { type: 'stages.reordered', seq: 4 },
      { type: 'stage.deleted', seq: 5 },
    ]);
    const [{ last_seq: lastSeq }] = await t.dataSource.query('select last_seq from funnel where id=$1', [funnel.id]);
    expect(Number(lastSeq)).toBe(5);
    const [deleted] = await t.dataSource.query(`select data from funnel_event where funnel_id=$1 and type='stage.deleted'`, [funnel.id]);
    expect(deleted.data).toEqual({ stage: { id: added.body.id, name: 'Financing', color: '#010203', kind: 'open', position: 7, ...NO_RULES }, movedDealsTo: null });
  });
});
