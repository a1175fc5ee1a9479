import { Injectable, NotFoundException, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { UserAdminDto, UserDto } from '@autofunnel/shared';
import { Subject } from 'rxjs';
import { DataSource, Repository, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { hashPassword } from './passwords.js';
import { User } from './user.entity.js';

/**
 * Who the users are: the lookups sign-in and every request need, the admin view of a user, and
 * their sessions. Depends on nothing but the database, because everything depends on it.
 */
@Injectable()
export class UsersService implements OnModuleDestroy {
  private readonly revoked = new Subject<string>();
  /** Ids of users whose sessions just ended (deactivated, password reset, role or branch changed): the gateway drops their sockets. */
  readonly sessionsRevoked$ = this.revoked.asObservable();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  findActive(id: string): Promise<User | null> {
    return this.users.findOneBy({ id, active: true });
  }

  /** The reads that load the password hash: by email to sign in, or by id (row locked) to change it. */
  findForLogin(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  async lockWithPassword(em: EntityManager, id: string): Promise<User> {
    const user = await em.createQueryBuilder(User, 'user').addSelect('user.passwordHash').where('user.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!user) throw notFound(id);
    return user;
  }

  async getById(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound(id);
    return user;
  }

  async listActive(): Promise<UserDto[]> {
    const users = await this.users.find({ where: { active: true }, order: { name: 'ASC' } });
    return users.map((user) => this.toDto(user));
  }

  /** The admin view of the users matching `where`: active ones first, then by name. */
  async adminViews(where: FindOptionsWhere<User>, em: EntityManager = this.dataSource.manager): Promise<UserAdminDto[]> {
    const users = await em.find(User, { where, order: { active: 'DESC', name: 'ASC', id: 'ASC' } });
    if (users.length === 0) return [];
    const rows: { responsible_id: string; count: number }[] = await em.query(
      `SELECT responsible_id, count(*)::int AS count FROM deal
        WHERE status = 'open' AND trashed_at IS NULL AND responsible_id = ANY($1::uuid[])
        GROUP BY responsible_id`,
      [users.map((user) => user.id)],
    );
    const openDeals = new Map(rows.map((row) => [row.responsible_id, row.count]));
    return users.map((user) => this.toAdminDto(user, openDeals.get(user.id) ?? 0));
  }

  async adminView(id: string, em?: EntityManager): Promise<UserAdminDto> {
    const [user] = await this.adminViews({ id }, em);
    if (!user) throw notFound(id);
    return user;
  }

  /**
   * Sets a new password and bumps the session epoch, so every token signed before stops
   * working (AuthGuard). Returns the new epoch, for a fresh token when the user changed it themselves.
   */
  async setPassword(em: EntityManager, id: string, password: string): Promise<number> {
    const passwordHash = await hashPassword(password);
    const [rows] = (await em.query(`UPDATE app_user SET password_hash = $2, session_epoch = session_epoch + 1, updated_at = now() WHERE id = $1 RETURNING session_epoch`, [
      id,
      passwordHash,
    ])) as [{ session_epoch: number }[], number];
    if (rows.length === 0) throw notFound(id);
    return rows[0].session_epoch;
  }

  /** The user's own settings: the duty switch and their name. */
  async updateOwn(id: string, changes: { onDuty?: boolean; name?: string }): Promise<UserAdminDto> {
    if (Object.keys(changes).length > 0) await this.users.update(id, changes);
    return this.adminView(id);
  }

  /** Ends the user's live sessions now (their sockets are dropped). */
  revokeSessions(userId: string): void {
    this.revoked.next(userId);
  }

  onModuleDestroy(): void {
    this.revoked.complete();
  }

  toDto(user: User): UserDto {
    return { id: user.id, email: user.email, name: user.name, role: user.role, branchId: user.branchId };
  }

  toAdminDto(user: User, openDealCount: number): UserAdminDto {
    return {
      ...this.toDto(user),
      phoneExtension: user.phoneExtension,
      active: user.active,
      onDuty: user.onDuty,
      maxOpenDeals: user.maxOpenDeals,
      openDealCount,
      createdAt: user.createdAt.toISOString(),
    };
  }
}

function notFound(id: string): NotFoundException {
  return new NotFoundException(`User ${id} does not exist`);
}
