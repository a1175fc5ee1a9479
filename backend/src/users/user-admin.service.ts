import { BadRequestException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeactivateUserResponse, ResetPasswordResponse, UserAdminDto } from '@autofunnel/shared';
import { DataSource, IsNull, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { Deal } from '../deals/deal.entity.js';
import { DealsService } from '../deals/deals.service.js';
import { EventsService, type FunnelEventLog } from '../events/events.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { Branch } from './branch.entity.js';
import type { CreateUserDto, UpdateUserDto, USER_LIST_STATUSES } from './dto/user.dto.js';
import { hashPassword, temporaryPassword } from './passwords.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

/** Serialises the writes that keep emails and active users' phone extensions unique. */
const IDENTITY_LOCK = `SELECT pg_advisory_xact_lock(hashtext('app_user.identity'))`;

/** What admins do to users: create, edit, deactivate and activate, reset a password. */
@Injectable()
export class UserAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly deals: DealsService,
    private readonly events: EventsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  list(status: (typeof USER_LIST_STATUSES)[number]): Promise<UserAdminDto[]> {
    const where: FindOptionsWhere<User> = status === 'all' ? {} : { active: status === 'active' };
    return this.users.adminViews(where);
  }

  async create(dto: CreateUserDto): Promise<UserAdminDto> {
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (em) => {
      await em.query(IDENTITY_LOCK);
      await refuseTakenEmail(em, dto.email);
      if (dto.branchId) await assertBranch(em, dto.branchId);
      if (dto.phoneExtension) await refuseTakenExtension(em, dto.phoneExtension);
      const user = await em.save(
        em.create(User, {
          email: dto.email,
          name: dto.name,
          role: dto.role,
          branchId: dto.branchId ?? null,
          phoneExtension: dto.phoneExtension ?? null,
          maxOpenDeals: dto.maxOpenDeals ?? null,
          passwordHash,
        }),
      );
      return this.users.adminView(user.id, em);
    });
  }

  async update(admin: AuthUser, id: string, dto: UpdateUserDto): Promise<UserAdminDto> {
    const changes = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as UpdateUserDto;
    if (Object.keys(changes).length === 0) throw new BadRequestException('Give at least one field to change');
    if (id === admin.id && changes.role !== undefined && changes.role !== 'admin') {
      throw new UnprocessableEntityException('You cannot take away your own admin role; ask another administrator');
    }
    const { view, audienceChanged } = await this.dataSource.transaction(async (em) => {
      await em.query(IDENTITY_LOCK);
      const user = await lockUser(em, id);
      if (changes.email !== undefined && changes.email !== user.email) await refuseTakenEmail(em, changes.email, id);
      if (changes.branchId) await assertBranch(em, changes.branchId);
      if (changes.phoneExtension && user.active && changes.phoneExtension !== user.phoneExtension) await refuseTakenExtension(em, changes.phoneExtension, id);
      await em.update(User, id, changes);
      return {
        view: await this.users.adminView(id, em),
        audienceChanged: (changes.role !== undefined && changes.role !== user.role) || (changes.branchId !== undefined && changes.branchId !== user.branchId),
      };
    });
    // Their open sockets joined the rooms of their old role or branch: they reconnect into the new ones.
    if (audienceChanged) this.users.revokeSessions(id);
    return view;
  }

  /**
   * Deactivates a user: they cannot sign in, their tokens and sockets stop working, they leave
   * duty, and every open deal they are responsible for is flagged for reassignment (one
   * `deal.flagged_for_reassignment` event each, so boards show it live); the team leads of
   * their branch (admins when it has none) get one notification naming the count. Deactivating
   * an inactive user again flags whatever was missed and is otherwise harmless.
   */
  async deactivate(admin: AuthUser, id: string): Promise<DeactivateUserResponse> {
    if (id === admin.id) throw new UnprocessableEntityException('You cannot deactivate yourself; ask another administrator');
    const flaggedDeals = await this.events.transaction(async (em, log) => {
      // Deals get a responsible only under their funnel's lock. Holding every funnel's lock (in
      // id order, like every writer that takes several) waits out any assignment to this user
      // in flight; once they are inactive, no later one can pick them.
      await em.query(`SELECT id FROM funnel ORDER BY id FOR NO KEY UPDATE`);
      const user = await lockUser(em, id);
      await em.update(User, id, { active: false, onDuty: false, sessionEpoch: () => 'session_epoch + 1' });
      const flagged = await this.flagOpenDeals(em, log, admin, user);
      if (flagged > 0) await this.notifyLeads(em, log, admin, user, flagged);
      log.afterCommit(() => this.users.revokeSessions(id));
      return flagged;
    });
    return { user: await this.users.adminView(id), flaggedDeals };
  }

  /** Lets a deactivated user sign in again. Their deals stay flagged until someone reassigns them. */
  async activate(id: string): Promise<UserAdminDto> {
    return this.dataSource.transaction(async (em) => {
      await em.query(IDENTITY_LOCK);
      const user = await lockUser(em, id);
      if (!user.active) {
        if (user.phoneExtension) await refuseTakenExtension(em, user.phoneExtension, id);
        await em.update(User, id, { active: true });
      }
      return this.users.adminView(id, em);
    });
  }

  /**
   * Sets the user's password (a temporary one, returned this once, when none is given) and
   * ends their sessions everywhere.
   */
  async resetPassword(admin: AuthUser, id: string, password: string | undefined): Promise<ResetPasswordResponse> {
    if (id === admin.id) throw new UnprocessableEntityException('To change your own password, use My account (POST /api/me/password)');
    const temporary = password === undefined ? temporaryPassword() : null;
    await this.dataSource.transaction(async (em) => {
      await lockUser(em, id);
      await this.users.setPassword(em, id, password ?? temporary!);
    });
    this.users.revokeSessions(id);
    return { temporaryPassword: temporary };
  }

  /** Flags the user's open deals, funnel by funnel in id order (the funnels are locked already). */
  private async flagOpenDeals(em: EntityManager, log: FunnelEventLog, admin: AuthUser, user: User): Promise<number> {
    const deals = await em.find(Deal, {
      where: { responsibleId: user.id, status: 'open', trashedAt: IsNull(), reassignmentFlaggedAt: IsNull() },
      select: { id: true, funnelId: true },
      order: { funnelId: 'ASC', position: 'ASC' },
    });
    const flaggedAt = this.clock.now();
    for (const deal of deals) {
      await this.deals.changeWithin(em, log, deal.funnelId, admin, deal.id, { anyoneMayTry: true }, async (_em, locked) => ({
        // Flagging is not working on the deal: a request nobody has looked at stays new.
        patch: { reassignmentFlaggedAt: flaggedAt, newRequestAt: locked.newRequestAt },
        type: 'deal.flagged_for_reassignment',
        data: { reason: 'responsible_deactivated', responsible: { id: user.id, name: user.name } },
      }));
    }
    return deals.length;
  }

  /** The team leads of the user's branch hand the deals over; admins do when the branch has no lead. */
  private async notifyLeads(em: EntityManager, log: FunnelEventLog, admin: AuthUser, user: User, flagged: number): Promise<void> {
    const leads = user.branchId ? await em.findBy(User, { role: 'lead', branchId: user.branchId, active: true }) : [];
    const recipients = leads.length > 0 ? leads : await em.findBy(User, { role: 'admin', active: true });
    const deals = flagged === 1 ? '1 open deal' : `${flagged} open deals`;
    await this.notifications.notify(
      em,
      log,
      recipients.map((recipient) => recipient.id),
      {
        kind: 'deals_need_reassignment',
        title: `${deals} of ${user.name} need a new responsible`,
        body: `${admin.name} deactivated ${user.name}. Filter the board by “Needs reassignment” and assign ${flagged === 1 ? 'it' : 'them'} to someone else.`,
      },
    );
  }
}

async function lockUser(em: EntityManager, id: string): Promise<User> {
  const user = await em.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!user) throw new NotFoundException(`User ${id} does not exist`);
  return user;
}

async function refuseTakenEmail(em: EntityManager, email: string, exceptId?: string): Promise<void> {
  const builder = em.createQueryBuilder(User, 'u').where('lower(u.email) = lower(:email)', { email });
  if (exceptId) builder.andWhere('u.id <> :exceptId', { exceptId });
  const taken = await builder.getOne();
  if (taken) throw new ConflictException(`There is already a user with the email ${taken.email}${taken.active ? '' : ' (deactivated)'}`);
}

/** Answered calls find their user by extension among the active users: it must name one person. */
async function refuseTakenExtension(em: EntityManager, extension: string, exceptId?: string): Promise<void> {
  const builder = em.createQueryBuilder(User, 'u').where('u.active AND u.phone_extension = :extension', { extension });
  if (exceptId) builder.andWhere('u.id <> :exceptId', { exceptId });
  const taken = await builder.getOne();
  if (taken) throw new ConflictException(`Phone extension ${extension} belongs to ${taken.name}; give each active user their own`);
}

async function assertBranch(em: EntityManager, branchId: string): Promise<void> {
  // Share-locked: the branch cannot be deleted before this transaction has pointed the user at it.
  const branch = await em.findOne(Branch, { where: { id: branchId }, lock: { mode: 'pessimistic_read' } });
  if (!branch) throw new UnprocessableEntityException(`branchId ${branchId} is not a branch`);
}
