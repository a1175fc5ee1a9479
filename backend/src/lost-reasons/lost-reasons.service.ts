import { BadRequestException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LostReasonDto } from '@autofunnel/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { Deal } from '../deals/deal.entity.js';
import type { UpdateLostReasonDto } from './dto/lost-reason.dto.js';
import { LostReason } from './lost-reason.entity.js';

/**
 * The list a lost deal's reason is picked from. Deals keep the reason as text (integrators send
 * their own), so renaming an entry leaves past deals as they were; deleting one that lost deals
 * give (ignoring case) asks for the entry they get instead. Writers lock the table against each
 * other, which keeps positions 1..n and names unique however they race.
 */
@Injectable()
export class LostReasonsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<LostReasonDto[]> {
    const reasons = await this.dataSource.getRepository(LostReason).find({ order: { position: 'ASC', name: 'ASC' } });
    return reasons.map(toLostReasonDto);
  }

  /** A new entry goes last. */
  create(name: string): Promise<LostReasonDto> {
    return this.write(async (em, ordered) => {
      await refuseDuplicateName(em, name);
      return em.save(em.create(LostReason, { name, position: ordered.length + 1 }));
    });
  }

  update(id: string, dto: UpdateLostReasonDto): Promise<LostReasonDto> {
    if (dto.name === undefined && dto.position === undefined) throw new BadRequestException('Give name, position or both');
    return this.write(async (em, ordered) => {
      const reason = found(ordered, id);
      if (dto.name !== undefined && dto.name !== reason.name) {
        await refuseDuplicateName(em, dto.name, id);
        await em.update(LostReason, id, { name: dto.name });
      }
      if (dto.position !== undefined) {
        const others = ordered.filter((entry) => entry.id !== id);
        others.splice(Math.min(dto.position, ordered.length) - 1, 0, reason);
        await renumber(em, others);
      }
      return em.findOneByOrFail(LostReason, { id });
    });
  }

  /** Deletes an entry; deals that give it are refused unless `replaceWith` names the entry they get instead. */
  async remove(id: string, replaceWith?: string): Promise<void> {
    if (replaceWith === id) throw new UnprocessableEntityException('replaceWith must be another lost reason than the one deleted');
    await this.write(async (em, ordered) => {
      const reason = found(ordered, id);
      const replacement = replaceWith ? ordered.find((entry) => entry.id === replaceWith) : undefined;
      if (replaceWith && !replacement) throw new UnprocessableEntityException(`replaceWith ${replaceWith} is not a lost reason`);
      const giving = 'lower(lost_reason) = lower(:name)';
      if (replacement) {
        await em.createQueryBuilder().update(Deal).set({ lostReason: replacement.name }).where(giving, { name: reason.name }).execute();
      } else {
        const deals = await em.createQueryBuilder(Deal, 'd').where(giving, { name: reason.name }).getCount();
        if (deals > 0) {
          throw new ConflictException({
            statusCode: 409,
            error: 'Conflict',
            message: `"${reason.name}" is the reason of ${deals} lost deal${deals === 1 ? '' : 's'}; choose a reason to give them instead (replaceWith)`,
            deals,
          });
        }
      }
      await em.delete(LostReason, id);
      await renumber(em, ordered.filter((entry) => entry.id !== id));
    });
  }

  /** Runs `work` with the table locked against other writers (readers go on), and the list in order. */
  private async write<T>(work: (em: EntityManager, ordered: LostReason[]) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`LOCK TABLE lost_reason IN SHARE ROW EXCLUSIVE MODE`);
      return work(em, await em.find(LostReason, { order: { position: 'ASC', name: 'ASC' } }));
    });
  }
}

function found(ordered: LostReason[], id: string): LostReason {
  const reason = ordered.find((entry) => entry.id === id);
  if (!reason) throw new NotFoundException(`Lost reason ${id} does not exist`);
  return reason;
}

async function refuseDuplicateName(em: EntityManager, name: string, exceptId?: string): Promise<void> {
  const builder = em.createQueryBuilder(LostReason, 'r').where('lower(r.name) = lower(:name)', { name });
  if (exceptId) builder.andWhere('r.id <> :exceptId', { exceptId });
  const existing = await builder.getOne();
  if (existing) throw new ConflictException(`There is already a lost reason named "${existing.name}"`);
}

/** Positions 1..n in the given order; only rows whose position changes are written. */
async function renumber(em: EntityManager, ordered: LostReason[]): Promise<void> {
  await em.query(
    `UPDATE lost_reason r SET position = o.position
       FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position)
      WHERE r.id = o.id AND r.position <> o.position`,
    [ordered.map((entry) => entry.id)],
  );
}

function toLostReasonDto({ id, name, position }: LostReason): LostReasonDto {
  return { id, name, position };
}
