import { JwtService } from '@nestjs/jwt';
import { TestApp } from './support/test-app.js';

describe('auth and access (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('logs in with email and password and returns a token and the user', async () => {
    const manager = await t.user('manager', { password: 'correct horse' });
    const response = await t.http.post('/api/auth/login').send({ email: manager.email.toUpperCase(), password: 'correct horse' }).expect(200);
    expect(response.body).toEqual({
      accessToken: expect.any(String),
      user: { id: manager.id, email: manager.email, name: manager.name, role: 'manager', branchId: manager.branchId },
    });
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
  });

  it('refuses a wrong password and an unknown email alike with 401', async () => {
    const manager = await t.user('manager', { password: 'correct horse' });
    const wrong = await t.http.post('/api/auth/login').send({ email: manager.email, password: 'battery staple' }).expect(401);
    const unknown = await t.http.post('/api/auth/login').send({ email: 'nobody@test.local', password: 'x' }).expect(401);
    expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Wrong email or password' });
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('refuses a deactivated user at login and with an earlier token', async () => {
    const manager = await t.user('manager', { password: 'pw-123456', active: false });
    await t.http.post('/api/auth/login').send({ email: manager.email, password: 'pw-123456' }).expect(401);
    const response = await t.http.get('/api/funnels').set(manager.auth).expect(401);
    expect(response.body.message).toMatch(/deactivated/);
  });

  it('signs the session epoch into the token and refuses a token of another epoch', async () => {
    const manager = await t.user('manager', { password: 'pw-123456' });
    const { accessToken } = (await t.http.post('/api/auth/login').send({ email: manager.email, password: 'pw-123456' }).expect(200)).body;
    expect(t.app.get(JwtService).decode(accessToken)).toEqual(expect.objectContaining({ sub: manager.id, ep: 0 }));
    // tokens signed before epochs existed (no `ep`) count as epoch 0
    await t.http.get('/api/auth/me').set(manager.auth).expect(200);

    await t.dataSource.query(`UPDATE app_user SET session_epoch = 1 WHERE id = $1`, [manager.id]);
    for (const token of [accessToken, manager.token]) {
      const refused = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
      expect(refused.body.message).toBe('Your password was changed or your session was ended; sign in again');
    }
    const again = (await t.http.post('/api/auth/login').send({ email: manager.email, password: 'pw-123456' }).expect(200)).body;
    expect(t.app.get(JwtService).decode(again.accessToken)).toEqual(expect.objectContaining({ ep: 1 }));
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${again.accessToken}`).expect(200);
  });

  it('names the field of a malformed login', async () => {
    const response = await t.http.post('/api/auth/login').send({ email: 'not-an-email', password: 'x', remember: true }).expect(400);
    expect(response.body.fields).toEqual({ email: ['email must be an email address'], remember: ['property remember should not exist'] });
  });

  it('answers 401 without a token and with a forged one', async () => {
    const none = await t.http.get('/api/deals').expect(401);
    expect(none.body.message).toMatch(/Authorization: Bearer/);
    await t.http.get('/api/deals').set('Authorization', 'Bearer not.a.token').expect(401);
    await t.http.get('/api/funnels').set('Authorization', 'Basic abc').expect(401);
  });

  it('answers 403 when the role may not', async () => {
    const manager = await t.user('manager');
    const lead = await t.user('lead');
    for (const caller of [manager, lead]) {
      const response = await t.http.post('/api/funnels').set(caller.auth).send({ name: 'Mine' }).expect(403);
      expect(response.body.message).toMatch(/needs the role admin/);
    }
  });

  it('serves health and the OpenAPI document without a token', async () => {
    await t.http.get('/api/health').expect(200, { status: 'ok', database: 'up' });
    const docs = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/deals/{id}/take', '/api/funnels/{id}/board']));
  });

  it('lists users, branches and sources for signed-in users', async () => {
    const manager = await t.user('manager');
    const users = await t.http.get('/api/users').set(manager.auth).expect(200);
    expect(users.body).toEqual(expect.arrayContaining([expect.objectContaining({ id: manager.id, role: 'manager' })]));
    expect(users.body[0]).not.toHaveProperty('passwordHash');
    const branches = await t.http.get('/api/branches').set(manager.auth).expect(200);
    expect(branches.body).toEqual(expect.arrayContaining([{ id: manager.branchId, name: expect.any(String) }]));
    await t.http.get('/api/sources').set(manager.auth).expect(200);
  });
});
