import type { ChannelWithKeyDto, DealDto, FunnelDto, SourceDto } from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { createDeal } from './support/deals.js';
import { TestApp, type TestUser } from './support/test-app.js';

describe('sources (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let lead: TestUser;
  let funnel: FunnelDto;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('admin');
    lead = await t.user('lead');
    funnel = await t.funnel(admin);
  });

  afterAll(async () => {
    await t.close();
  });

  const create = async (name = `Source ${randomUUID().slice(0, 8)}`) => (await t.http.post('/api/sources').set(admin.auth).send({ name }).expect(201)).body as SourceDto;

  it('admins add and rename sources; everyone signed in reads them; names are unique', async () => {
    const source = await create('  Mobile.de Premium ');
    expect(source.name).toBe('Mobile.de Premium');
    const renamed = (await t.http.patch(`/api/sources/${source.id}`).set(admin.auth).send({ name: 'Mobile.de' + randomUUID().slice(0, 4) }).expect(200)).body as SourceDto;
    const listed = (await t.http.get('/api/sources').set(lead.auth).expect(200)).body as SourceDto[];
    expect(listed).toContainEqual(renamed);

    await t.http.post('/api/sources').set(lead.auth).send({ name: 'Lead Made' }).expect(403);
    const duplicate = await t.http.post('/api/sources').set(admin.auth).send({ name: renamed.name });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.message).toContain(`already a source named "${renamed.name}"`);
    const empty = await t.http.post('/api/sources').set(admin.auth).send({ name: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.fields).toHaveProperty('name');
  });

  it('refuses to delete a source in use until told where its deals and channels go', async () => {
    const old = await create();
    const replacement = await create();
    const deals: DealDto[] = [await createDeal(t, admin, funnel, { sourceId: old.id }), await createDeal(t, admin, funnel, { sourceId: old.id })];
    const channel = (await t.http.post('/api/channels').set(admin.auth).send({ name: `Ch ${randomUUID()}`, kind: 'web', funnelId: funnel.id, sourceId: old.id }).expect(201)).body as ChannelWithKeyDto;

    const refused = await t.http.delete(`/api/sources/${old.id}`).set(admin.auth);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ message: `"${old.name}" is used by 2 deals and 1 channel; choose a source to move them to`, deals: 2, channels: 1 });

    await t.http.delete(`/api/sources/${old.id}?replaceWith=${old.id}`).set(admin.auth).expect(422);
    await t.http.delete(`/api/sources/${old.id}?replaceWith=${randomUUID()}`).set(admin.auth).expect(422);
    await t.http.delete(`/api/sources/${old.id}?replaceWith=${replacement.id}`).set(admin.auth).expect(204);

    for (const deal of deals) expect(((await t.http.get(`/api/deals/${deal.id}`).set(admin.auth).expect(200)).body as DealDto).sourceId).toBe(replacement.id);
    expect(((await t.http.get(`/api/channels/${channel.id}`).set(admin.auth).expect(200)).body as ChannelWithKeyDto).sourceId).toBe(replacement.id);
    await t.http.delete(`/api/sources/${old.id}`).set(admin.auth).expect(404);
  });

  it('deletes an unused source at once', async () => {
    const unused = await create();
    await t.http.delete(`/api/sources/${unused.id}`).set(admin.auth).expect(204);
    expect(((await t.http.get('/api/sources').set(admin.auth).expect(200)).body as SourceDto[]).some((source) => source.id === unused.id)).toBe(false);
  });
});
