import type {
  BranchAdminDto,
  BranchDto,
  ChannelWithKeyDto,
  DeactivateUserResponse,
  DealDto,
  DealEventDto,
  FunnelDto,
  MeDto,
  NotificationPage,
  ResetPasswordResponse,
  UserAdminDto,
  UserDto,
} from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { createDeal } from './support/deals.js';
import { TestApp, type TestUser } from './support/test-app.js';

describe('users and branches administration (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let funnel: FunnelDto;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('admin');
    funnel = await t.funnel(admin);
  });
  afterAll(() => t.close());

  const tag = () => randomUUID().slice(0, 8);
  /** A free extension: 7 digits unlikely to be taken by another test. */
  const extension = () => String(1_000_000 + Math.floor(Math.random() * 8_999_999));
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function createUser(fields: Partial<{ email: string; name: string; role: string; branchId: string | null; phoneExtension: string | null; password: string; maxOpenDeals: number | null }> = {}) {
    const body = { email: `user-${tag()}@test.local`, name: `User ${tag()}`, role: 'manager', password: 'first-password', ...fields };
    return (await t.http.post('/api/users').set(admin.auth).send(body).expect(201)).body as UserAdminDto;
  }

  async function login(email: string, password: string, status = 200) {
    return (await t.http.post('/api/auth/login').send({ email, password }).expect(status)).body as { accessToken: string; user: UserDto };
  }

  async function adminList(status: 'active' | 'inactive' | 'all'): Promise<UserAdminDto[]> {
    return (await t.http.get('/api/users').query({ status }).set(admin.auth).expect(200)).body as UserAdminDto[];
  }

  describe('users', () => {
    it('creates a user who can sign in at once, and shows them to admins with their status and open deals', async () => {
      const branch = await t.branch();
      const email = `Maria.${tag()}@Test.Local`;
      const created = await createUser({ email, name: 'Maria Gonzalez', role: 'manager', branchId: branch.id, phoneExtension: extension(), maxOpenDeals: 5 });
      expect(created).toEqual({
        id: expect.any(String),
        email: email.toLowerCase(),
        name: 'Maria Gonzalez',
        role: 'manager',
        branchId: branch.id,
        phoneExtension: expect.stringMatching(/^\d{7}$/),
        active: true,
        onDuty: false,
        maxOpenDeals: 5,
        openDealCount: 0,
        createdAt: expect.any(String),
      });
      expect(created).not.toHaveProperty('passwordHash');

      const signedIn = await login(email, 'first-password');
      expect(signedIn.user).toEqual({ id: created.id, email: email.toLowerCase(), name: 'Maria Gonzalez', role: 'manager', branchId: branch.id });

      await createDeal(t, admin, funnel, { responsibleId: created.id });
      expect((await t.http.get(`/api/users/${created.id}`).set(admin.auth).expect(200)).body).toEqual({ ...created, openDealCount: 1 });
      expect((await adminList('all')).find((user) => user.id === created.id)).toEqual({ ...created, openDealCount: 1 });
      await t.http.get(`/api/users/${randomUUID()}`).set(admin.auth).expect(404);
    });

    it('names the field at fault and refuses a taken email (ignoring case), an unknown branch and a taken extension', async () => {
      const invalid = await t.http.post('/api/users').set(admin.auth).send({ email: 'nope', name: ' ', role: 'boss', password: 'short', phoneExtension: '12a' }).expect(400);
      expect(invalid.body.fields).toEqual({
        email: ['email must be an email address'],
        name: ['name must not be empty'],
        role: ['role must be one of: admin, lead, manager'],
        password: ['password must be at least 8 characters'],
        phoneExtension: ['phoneExtension must be 1 to 16 digits'],
      });

      const first = await createUser({ phoneExtension: extension() });
      const sameEmail = await t.http.post('/api/users').set(admin.auth).send({ email: first.email.toUpperCase(), name: 'Twin', role: 'manager', password: 'long-enough' }).expect(409);
      expect(sameEmail.body.message).toBe(`There is already a user with the email ${first.email}`);

      const noBranch = randomUUID();
      const unknownBranch = await t.http.post('/api/users').set(admin.auth).send({ email: `x-${tag()}@test.local`, name: 'X', role: 'lead', password: 'long-enough', branchId: noBranch }).expect(422);
      expect(unknownBranch.body.message).toBe(`branchId ${noBranch} is not a branch`);

      const sameExtension = await t.http
        .post('/api/users')
        .set(admin.auth)
        .send({ email: `y-${tag()}@test.local`, name: 'Y', role: 'manager', password: 'long-enough', phoneExtension: first.phoneExtension })
        .expect(409);
      expect(sameExtension.body.message).toBe(`Phone extension ${first.phoneExtension} belongs to ${first.name}; give each active user their own`);

      // the extension of a deactivated user is free again, but not while both would be active
      const other = await createUser();
      await t.http.post(`/api/users/${first.id}/deactivate`).set(admin.auth).expect(200);
      await t.http.patch(`/api/users/${other.id}`).set(admin.auth).send({ phoneExtension: first.phoneExtension }).expect(200);
      const comeback = await t.http.post(`/api/users/${first.id}/activate`).set(admin.auth).expect(409);
      expect(comeback.body.message).toBe(`Phone extension ${first.phoneExtension} belongs to ${other.name}; give each active user their own`);
    });

    it('answers 403 to team leads and managers on every admin route, and keeps the picker list for everyone', async () => {
      const someone = await createUser();
      const lead = await t.user('lead');
      const manager = await t.user('manager');
      for (const caller of [lead, manager]) {
        const calls = [
          t.http.get('/api/users?status=all').set(caller.auth),
          t.http.get(`/api/users/${someone.id}`).set(caller.auth),
          t.http.post('/api/users').set(caller.auth).send({ email: `z-${tag()}@test.local`, name: 'Z', role: 'admin', password: 'long-enough' }),
          t.http.patch(`/api/users/${someone.id}`).set(caller.auth).send({ role: 'admin' }),
          t.http.post(`/api/users/${someone.id}/deactivate`).set(caller.auth),
          t.http.post(`/api/users/${someone.id}/activate`).set(caller.auth),
          t.http.post(`/api/users/${someone.id}/reset-password`).set(caller.auth).send({}),
          t.http.get('/api/branches?withCounts=true').set(caller.auth),
          t.http.post('/api/branches').set(caller.auth).send({ name: `B ${tag()}` }),
          t.http.patch(`/api/branches/${caller.branchId}`).set(caller.auth).send({ name: `B ${tag()}` }),
          t.http.delete(`/api/branches/${caller.branchId}`).set(caller.auth),
        ];
        const statuses = (await Promise.all(calls)).map((response) => response.status);
        // One entry per route, so a failure shows which call was let through.
        expect(statuses.map((status, index) => ({ call: index, status }))).toEqual(calls.map((_, index) => ({ call: index, status: 403 })));
        const pickers = (await t.http.get('/api/users').set(caller.auth).expect(200)).body as UserDto[];
        expect(pickers.find((user) => user.id === someone.id)).toEqual({ id: someone.id, email: someone.email, name: someone.name, role: 'manager', branchId: null });
      }
      expect((await t.http.get(`/api/users/${someone.id}`).set(admin.auth).expect(200)).body.role).toBe('manager');
    });

    it('edits a user, and keeps an admin from demoting or deactivating themselves', async () => {
      const branch = await t.branch();
      const user = await createUser();
      const edited = (await t.http
        .patch(`/api/users/${user.id}`)
        .set(admin.auth)
        .send({ name: 'Renamed', role: 'lead', branchId: branch.id, phoneExtension: '', maxOpenDeals: null, onDuty: true, email: `NEW-${user.email}` })
        .expect(200)).body as UserAdminDto;
      expect(edited).toEqual({ ...user, name: 'Renamed', role: 'lead', branchId: branch.id, phoneExtension: null, maxOpenDeals: null, onDuty: true, email: `new-${user.email}` });
      await login(`new-${user.email}`, 'first-password');

      await t.http.patch(`/api/users/${user.id}`).set(admin.auth).send({}).expect(400);
      await t.http.patch(`/api/users/${user.id}`).set(admin.auth).send({ branchId: randomUUID() }).expect(422);
      await t.http.patch(`/api/users/${randomUUID()}`).set(admin.auth).send({ name: 'Ghost' }).expect(404);

      const demote = await t.http.patch(`/api/users/${admin.id}`).set(admin.auth).send({ role: 'lead' }).expect(422);
      expect(demote.body.message).toBe('You cannot take away your own admin role; ask another administrator');
      const selfDeactivate = await t.http.post(`/api/users/${admin.id}/deactivate`).set(admin.auth).expect(422);
      expect(selfDeactivate.body.message).toBe('You cannot deactivate yourself; ask another administrator');
      // keeping one's own admin role is fine
      await t.http.patch(`/api/users/${admin.id}`).set(admin.auth).send({ role: 'admin' }).expect(200);
      await t.http.get('/api/users?status=all').set(admin.auth).expect(200);
    });
  });

  describe('deactivating', () => {
    it('ends their sessions, flags their open deals through events, tells the branch lead; assigning clears the flag', async () => {
      const branch = await t.branch();
      const lead = await t.user('lead', { branchId: branch.id });
      const otherLead = await t.user('lead');
      const colleague = await t.user('manager', { branchId: branch.id });
      const leaving = await createUser({ name: `Leaving ${tag()}`, branchId: branch.id, password: 'leaving-password' });
      const { accessToken } = await login(leaving.email, 'leaving-password');
      await t.http.patch('/api/me').set(bearer(accessToken)).send({ onDuty: true }).expect(200);

      const open = [await createDeal(t, admin, funnel, { responsibleId: leaving.id }), await createDeal(t, admin, funnel, { responsibleId: leaving.id })];
      const lost = await createDeal(t, admin, funnel, { responsibleId: leaving.id });
      await t.http.post(`/api/deals/${lost.id}/close`).set(admin.auth).send({ outcome: 'lost', reason: 'Refused' }).expect(200);
      const trashed = await createDeal(t, admin, funnel, { responsibleId: leaving.id });
      await t.http.post(`/api/deals/${trashed.id}/trash`).set(admin.auth).send({}).expect(200);

      const response = (await t.http.post(`/api/users/${leaving.id}/deactivate`).set(admin.auth).expect(200)).body as DeactivateUserResponse;
      expect(response).toEqual({ flaggedDeals: 2, user: { ...leaving, active: false, onDuty: false, openDealCount: 2 } });

      // signed out everywhere, and cannot sign in
      const old = await t.http.get('/api/funnels').set(bearer(accessToken)).expect(401);
      expect(old.body.message).toMatch(/deactivated/);
      await login(leaving.email, 'leaving-password', 401);

      // the open deals keep their responsible and say they need a new one; the closed ones are left alone
      for (const deal of open) {
        const flagged = (await t.http.get(`/api/deals/${deal.id}`).set(admin.auth).expect(200)).body as DealDto;
        expect(flagged).toEqual(expect.objectContaining({ responsible: { id: leaving.id, name: leaving.name }, reassignmentFlaggedAt: expect.any(String), version: deal.version + 1 }));
        const timeline = (await t.http.get(`/api/deals/${deal.id}/events`).set(admin.auth).expect(200)).body as DealEventDto[];
        expect(timeline[timeline.length - 1]).toEqual(
          expect.objectContaining({
            type: 'deal.flagged_for_reassignment',
            actor: { id: admin.id, name: admin.name },
            data: { reason: 'responsible_deactivated', responsible: { id: leaving.id, name: leaving.name } },
          }),
        );
      }
      const closed = (await t.http.get(`/api/deals/${lost.id}`).set(admin.auth).expect(200)).body as DealDto;
      expect(closed.reassignmentFlaggedAt).toBeNull();

      // the lead of their branch hears of it once, the lead of another branch not at all
      const inbox = (await t.http.get('/api/notifications').set(lead.auth).expect(200)).body as NotificationPage;
      expect(inbox.items).toEqual([
        expect.objectContaining({
          kind: 'deals_need_reassignment',
          title: `2 open deals of ${leaving.name} need a new responsible`,
          body: `${admin.name} deactivated ${leaving.name}. Filter the board by “Needs reassignment” and assign them to someone else.`,
          dealId: null,
        }),
      ]);
      const elsewhere = (await t.http.get('/api/notifications').set(otherLead.auth).expect(200)).body as NotificationPage;
      expect(elsewhere.items.filter((item) => item.kind === 'deals_need_reassignment' && item.title.includes(leaving.name))).toEqual([]);

      // handing a deal over clears its flag
      const reassigned = (await t.http.post(`/api/deals/${open[0].id}/assign`).set(lead.auth).send({ userId: colleague.id }).expect(200)).body as DealDto;
      expect(reassigned).toEqual(expect.objectContaining({ responsible: { id: colleague.id, name: colleague.name }, reassignmentFlaggedAt: null }));

      // listed among the inactive users; deactivating again flags nothing new and tells nobody
      expect((await adminList('inactive')).map((user) => user.id)).toContain(leaving.id);
      expect((await adminList('active')).map((user) => user.id)).not.toContain(leaving.id);
      const again = (await t.http.post(`/api/users/${leaving.id}/deactivate`).set(admin.auth).expect(200)).body as DeactivateUserResponse;
      expect(again.flaggedDeals).toBe(0);
      expect(((await t.http.get('/api/notifications').set(lead.auth).expect(200)).body as NotificationPage).items).toHaveLength(1);
    });

    it('tells the admins when the branch has no team lead, and activating lets the user sign in again with a new token only', async () => {
      const branch = await t.branch();
      const otherAdmin = await t.user('admin');
      const leaving = await createUser({ branchId: branch.id, password: 'leaving-password' });
      const { accessToken } = await login(leaving.email, 'leaving-password');
      await createDeal(t, admin, funnel, { responsibleId: leaving.id });

      expect((await t.http.post(`/api/users/${leaving.id}/deactivate`).set(admin.auth).expect(200)).body.flaggedDeals).toBe(1);
      const inbox = (await t.http.get('/api/notifications').query({ limit: 200 }).set(otherAdmin.auth).expect(200)).body as NotificationPage;
      expect(inbox.items.map((item) => item.title)).toContain(`1 open deal of ${leaving.name} need a new responsible`);

      const activated = (await t.http.post(`/api/users/${leaving.id}/activate`).set(admin.auth).expect(200)).body as UserAdminDto;
      expect(activated.active).toBe(true);
      const old = await t.http.get('/api/funnels').set(bearer(accessToken)).expect(401);
      expect(old.body.message).toBe('Your password was changed or your session was ended; sign in again');
      const fresh = await login(leaving.email, 'leaving-password');
      await t.http.get('/api/funnels').set(bearer(fresh.accessToken)).expect(200);
    });

    it('waits for an assignment in flight, so a deal handed to them at that moment is flagged too', async () => {
      const leaving = await createUser();
      const deal = await createDeal(t, admin, funnel);
      // An assignment in flight: it holds the funnel's lock and has seen the user active.
      const assignment = t.dataSource.createQueryRunner();
      await assignment.connect();
      await assignment.startTransaction();
      try {
        await assignment.query(`SELECT id FROM funnel WHERE id = $1 FOR NO KEY UPDATE`, [funnel.id]);
        const deactivating = t.http.post(`/api/users/${leaving.id}/deactivate`).set(admin.auth).then((response) => response);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await assignment.query(`UPDATE deal SET responsible_id = $1 WHERE id = $2`, [leaving.id, deal.id]);
        await assignment.commitTransaction();
        const response = await deactivating;
        expect(response.status).toBe(200);
        expect(response.body.flaggedDeals).toBe(1);
      } finally {
        if (assignment.isTransactionActive) await assignment.rollbackTransaction();
        await assignment.release();
      }
      expect(((await t.http.get(`/api/deals/${deal.id}`).set(admin.auth).expect(200)).body as DealDto).reassignmentFlaggedAt).toEqual(expect.any(String));
    });

    it('refuses an unknown user with 404', async () => {
      await t.http.post(`/api/users/${randomUUID()}/deactivate`).set(admin.auth).expect(404);
      await t.http.post(`/api/users/${randomUUID()}/activate`).set(admin.auth).expect(404);
      await t.http.post(`/api/users/${randomUUID()}/reset-password`).set(admin.auth).send({}).expect(404);
    });
  });

  describe('passwords', () => {
    it('resets a password to a temporary one shown once: it signs in, and older tokens stop working', async () => {
      const user = await createUser({ password: 'forgotten-password' });
      const { accessToken } = await login(user.email, 'forgotten-password');

      const reset = (await t.http.post(`/api/users/${user.id}/reset-password`).set(admin.auth).send({}).expect(200)).body as ResetPasswordResponse;
      expect(reset.temporaryPassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      const old = await t.http.get('/api/funnels').set(bearer(accessToken)).expect(401);
      expect(old.body.message).toBe('Your password was changed or your session was ended; sign in again');
      await login(user.email, 'forgotten-password', 401);
      const { accessToken: fresh } = await login(user.email, reset.temporaryPassword!);
      await t.http.get('/api/funnels').set(bearer(fresh)).expect(200);

      // or to one the admin chooses, which is not echoed back
      const chosen = (await t.http.post(`/api/users/${user.id}/reset-password`).set(admin.auth).send({ password: 'chosen-by-admin' }).expect(200)).body as ResetPasswordResponse;
      expect(chosen).toEqual({ temporaryPassword: null });
      await t.http.get('/api/funnels').set(bearer(fresh)).expect(401);
      await login(user.email, 'chosen-by-admin');

      await t.http.post(`/api/users/${user.id}/reset-password`).set(admin.auth).send({ password: 'short' }).expect(400);
      const own = await t.http.post(`/api/users/${admin.id}/reset-password`).set(admin.auth).send({}).expect(422);
      expect(own.body.message).toMatch(/My account/);
    });

    it('changes one’s own password: the wrong current one is refused, the answer’s token works and older ones do not', async () => {
      const user = await createUser({ role: 'lead', password: 'old-password' });
      const first = await login(user.email, 'old-password');
      const second = await login(user.email, 'old-password');

      const wrong = await t.http.post('/api/me/password').set(bearer(first.accessToken)).send({ currentPassword: 'not-it', newPassword: 'new-password' }).expect(403);
      expect(wrong.body.message).toBe('Your current password is not correct');
      await t.http.post('/api/me/password').set(bearer(first.accessToken)).send({ currentPassword: 'old-password', newPassword: 'old-password' }).expect(422);
      const short = await t.http.post('/api/me/password').set(bearer(first.accessToken)).send({ currentPassword: 'old-password', newPassword: 'short' }).expect(400);
      expect(short.body.fields).toEqual({ newPassword: ['newPassword must be at least 8 characters'] });

      const changed = await t.http.post('/api/me/password').set(bearer(first.accessToken)).send({ currentPassword: 'old-password', newPassword: 'new-password' }).expect(200);
      expect(changed.body).toEqual({ accessToken: expect.any(String) });
      await t.http.get('/api/me').set(bearer(changed.body.accessToken)).expect(200);
      for (const token of [first.accessToken, second.accessToken]) await t.http.get('/api/me').set(bearer(token)).expect(401);
      await login(user.email, 'old-password', 401);
      await login(user.email, 'new-password');
    });
  });

  describe('my account', () => {
    it('shows the signed-in user and lets any role switch duty and rename themselves', async () => {
      for (const role of ['manager', 'lead', 'admin'] as const) {
        const user = await t.user(role);
        const me = (await t.http.get('/api/me').set(user.auth).expect(200)).body as MeDto;
        expect(me).toEqual(expect.objectContaining({ id: user.id, role, onDuty: false, active: true, openDealCount: 0, maxOpenDeals: null }));

        const onDuty = (await t.http.patch('/api/me').set(user.auth).send({ onDuty: true }).expect(200)).body as MeDto;
        expect(onDuty).toEqual({ ...me, onDuty: true });
        const renamed = (await t.http.patch('/api/me').set(user.auth).send({ name: '  New Name ', onDuty: false }).expect(200)).body as MeDto;
        expect(renamed).toEqual({ ...me, name: 'New Name' });
      }
      const manager = await t.user('manager');
      await t.http.patch('/api/me').set(manager.auth).send({}).expect(400);
      const invalid = await t.http.patch('/api/me').set(manager.auth).send({ onDuty: 'yes', role: 'admin' }).expect(400);
      expect(invalid.body.fields).toEqual({ onDuty: ['onDuty must be true or false'], role: ['property role should not exist'] });
      await t.http.get('/api/me').expect(401);
    });
  });

  describe('branches', () => {
    it('adds, renames and lists branches with their counts (admins), refusing duplicate names ignoring case', async () => {
      const name = `North ${tag()}`;
      const created = (await t.http.post('/api/branches').set(admin.auth).send({ name: ` ${name} ` }).expect(201)).body as BranchDto;
      expect(created).toEqual({ id: expect.any(String), name });
      const duplicate = await t.http.post('/api/branches').set(admin.auth).send({ name: name.toUpperCase() }).expect(409);
      expect(duplicate.body.message).toBe(`There is already a branch named "${name}"`);

      const other = (await t.http.post('/api/branches').set(admin.auth).send({ name: `South ${tag()}` }).expect(201)).body as BranchDto;
      await t.http.patch(`/api/branches/${other.id}`).set(admin.auth).send({ name: name.toLowerCase() }).expect(409);
      const renamed = (await t.http.patch(`/api/branches/${created.id}`).set(admin.auth).send({ name: `${name} showroom` }).expect(200)).body as BranchDto;
      expect(renamed).toEqual({ id: created.id, name: `${name} showroom` });
      await t.http.patch(`/api/branches/${randomUUID()}`).set(admin.auth).send({ name: `Nowhere ${tag()}` }).expect(404);
      await t.http.post('/api/branches').set(admin.auth).send({ name: '  ' }).expect(400);

      const manager = await createUser({ branchId: created.id });
      await createUser({ branchId: created.id, role: 'lead' }).then((lead) => t.http.post(`/api/users/${lead.id}/deactivate`).set(admin.auth).expect(200));
      await createDeal(t, admin, funnel, { responsibleId: manager.id });
      const withCounts = (await t.http.get('/api/branches?withCounts=true').set(admin.auth).expect(200)).body as BranchAdminDto[];
      expect(withCounts.find((branch) => branch.id === created.id)).toEqual({ id: created.id, name: `${name} showroom`, userCount: 1, openDealCount: 1 });
      const plain = (await t.http.get('/api/branches').set((await t.user('manager')).auth).expect(200)).body as BranchDto[];
      expect(plain.find((branch) => branch.id === created.id)).toEqual({ id: created.id, name: `${name} showroom` });
    });

    it('deletes an unused branch, and refuses one still in use naming its users, deals and channels', async () => {
      const unused = (await t.http.post('/api/branches').set(admin.auth).send({ name: `Closed ${tag()}` }).expect(201)).body as BranchDto;
      await t.http.delete(`/api/branches/${unused.id}`).set(admin.auth).expect(204);
      await t.http.delete(`/api/branches/${unused.id}`).set(admin.auth).expect(404);

      const busy = (await t.http.post('/api/branches').set(admin.auth).send({ name: `Busy ${tag()}` }).expect(201)).body as BranchDto;
      const users = [await createUser({ branchId: busy.id }), await createUser({ branchId: busy.id })];
      const deal = await createDeal(t, admin, funnel, { responsibleId: users[0].id });
      const channel = (await t.http.post('/api/channels').set(admin.auth).send({ name: `Web ${tag()}`, kind: 'web', funnelId: funnel.id }).expect(201)).body as ChannelWithKeyDto;
      await t.dataSource.query(`UPDATE ad_channel SET branch_id = $1 WHERE id = $2`, [busy.id, channel.id]);

      const refused = await t.http.delete(`/api/branches/${busy.id}`).set(admin.auth).expect(409);
      expect(refused.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: `"${busy.name}" is still used by 2 users, 1 deal and 1 channel; move them to another branch first`,
        users: 2,
        deals: 1,
        channels: 1,
      });

      // a deactivated user does not hold a branch; a closed deal still does (its history)
      await t.http.post(`/api/users/${users[1].id}/deactivate`).set(admin.auth).expect(200);
      await t.http.patch(`/api/users/${users[0].id}`).set(admin.auth).send({ branchId: null }).expect(200);
      await t.dataSource.query(`UPDATE ad_channel SET branch_id = NULL WHERE id = $1`, [channel.id]);
      await t.http.post(`/api/deals/${deal.id}/close`).set(admin.auth).send({ outcome: 'lost', reason: 'Refused' }).expect(200);
      expect((await t.http.delete(`/api/branches/${busy.id}`).set(admin.auth).expect(409)).body.message).toBe(
        `"${busy.name}" is still used by 1 deal; move them to another branch first`,
      );
    });
  });
});
