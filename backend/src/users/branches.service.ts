import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BranchAdminDto, BranchDto } from '@autofunnel/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { Branch } from './branch.entity.js';

/**
 * The dealership's sites. Writers lock the table against each other (readers and the rows
 * pointing at a branch go on), so names stay unique ignoring case however they race.
 */
@Injectable()
export class BranchesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<BranchDto[]> {
    const branches = await this.dataSource.getRepository(Branch).find({ order: { name: 'ASC' } });
    return branches.map(toBranchDto);
  }

  /** Each branch with its active users and open (not trashed) deals. */
  async listWithCounts(): Promise<BranchAdminDto[]> {
    const rows: { id: string; name: string; user_count: number; open_deal_count: number }[] = await this.dataSource.query(
      `SELECT b.id, b.name,
              (SELECT count(*)::int FROM app_user u WHERE u.branch_id = b.id AND u.active) AS user_count,
              (SELECT count(*)::int FROM deal d WHERE d.branch_id = b.id AND d.status = 'open' AND d.trashed_at IS NULL) AS open_deal_count
         FROM branch b
        ORDER BY b.name`,
    );
    return rows.map((row) => ({ id: row.id, name: row.name, userCount: row.user_count, openDealCount: row.open_deal_count }));
  }

  create(name: string): Promise<BranchDto> {
    return this.write(async (em) => {
      await refuseDuplicateName(em, name);
      return toBranchDto(await em.save(em.create(Branch, { name })));
    });
  }

  rename(id: string, name: string): Promise<BranchDto> {
    return this.write(async (em) => {
      const branch = await found(em, id);
      if (branch.name === name) return toBranchDto(branch);
      await refuseDuplicateName(em, name, id);
      await em.update(Branch, id, { name });
      return { id, name };
    });
  }

  /**
   * Deletes a branch nobody works in and nothing points at any more: its active users, its
   * deals (open or closed: they are its history, and its team lead's view) and the channels
   * whose requests it receives must move elsewhere first. Users deactivated earlier lose it.
   */
  async remove(id: string): Promise<void> {
    await this.write(async (em) => {
      const branch = await found(em, id);
      const [{ users, deals, channels }]: { users: number; deals: number; channels: number }[] = await em.query(
        `SELECT (SELECT count(*)::int FROM app_user WHERE branch_id = $1 AND active) AS users,
                (SELECT count(*)::int FROM deal WHERE branch_id = $1 AND trashed_at IS NULL) AS deals,
                (SELECT count(*)::int FROM ad_channel WHERE branch_id = $1) AS channels`,
        [id],
      );
      if (users + deals + channels > 0) {
        const uses = [users && plural(users, 'user'), deals && plural(deals, 'deal'), channels && plural(channels, 'channel')].filter(Boolean);
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: `"${branch.name}" is still used by ${listed(uses as string[])}; move them to another branch first`,
          users,
          deals,
          channels,
        });
      }
      await em.delete(Branch, id);
    });
  }

  private write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`LOCK TABLE branch IN SHARE ROW EXCLUSIVE MODE`);
      return work(em);
    });
  }
}

/** The branch, row locked: whatever points at it from now on waits for this transaction (so a delete counts every use). */
async function found(em: EntityManager, id: string): Promise<Branch> {
  const branch = await em.findOne(Branch, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!branch) throw new NotFoundException(`Branch ${id} does not exist`);
  return branch;
}

async function refuseDuplicateName(em: EntityManager, name: string, exceptId?: string): Promise<void> {
  const builder = em.createQueryBuilder(Branch, 'b').where('lower(b.name) = lower(:name)', { name });
  if (exceptId) builder.andWhere('b.id <> :exceptId', { exceptId });
  const existing = await builder.getOne();
  if (existing) throw new ConflictException(`There is already a branch named "${existing.name}"`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "a", "a and b", "a, b and c". */
function listed(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function toBranchDto({ id, name }: Branch): BranchDto {
  return { id, name };
}
