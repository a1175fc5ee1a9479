import { Injectable, NotFoundException, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { BranchDto, UserDto } from '@autofunnel/shared';
import { Subject } from 'rxjs';
import { Repository } from 'typeorm';
import { Branch } from './branch.entity.js';
import { User } from './user.entity.js';

@Injectable()
export class UsersService implements OnModuleDestroy {
  private readonly revoked = new Subject<string>();
  /** Ids of users whose sessions just ended (deactivated, password reset): the gateway drops their sockets. */
  readonly sessionsRevoked$ = this.revoked.asObservable();

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Branch) private readonly branches: Repository<Branch>,
  ) {}

  findActive(id: string): Promise<User | null> {
    return this.users.findOneBy({ id, active: true });
  }

  /** The only read that loads the password hash. */
  findForLogin(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  async getById(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundException(`User ${id} does not exist`);
    return user;
  }

  async listActive(): Promise<UserDto[]> {
    const users = await this.users.find({ where: { active: true }, order: { name: 'ASC' } });
    return users.map((user) => this.toDto(user));
  }

  async listBranches(): Promise<BranchDto[]> {
    const branches = await this.branches.find({ order: { name: 'ASC' } });
    return branches.map(({ id, name }) => ({ id, name }));
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
}
