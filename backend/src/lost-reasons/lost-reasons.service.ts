import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LostReasonDto } from '@autofunnel/shared';
import { DataSource } from 'typeorm';
import { OrderedList } from '../common/ordered-list.js';
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
  private readonly reasons: OrderedList<LostReason>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.reasons = new OrderedList(dataSource, LostReason, 'lost_reason', 'lost reason');
  }

  async list(): Promise<LostReasonDto[]> {
    return (await this.reasons.read()).map(toLostReasonDto);
  }

  /** A new entry goes last. */
  create(name: string): Promise<LostReasonDto> {
    return this.reasons.write(async (em, ordered) => {
      this.reasons.refuseDuplicateName(ordered, name);
      return toLostReasonDto(await em.save(em.create(LostReason, { name, position: ordered.length + 1 })));
    });
  }

  update(id: string, dto: UpdateLostReasonDto): Promise<LostReasonDto> {
    return this.reasons.write(async (em, ordered) => toLostReasonDto(await this.reasons.update(em, ordered, id, dto)));
  }

  /** Deletes an entry; deals that give it are refused unless `replaceWith` names the entry they get instead. */
  async remove(id: string, replaceWith?: string): Promise<void> {
    await this.reasons.write(async (em, ordered) => {
      const reason = this.reasons.found(ordered, id);
      const replacement = this.reasons.replacement(ordered, id, replaceWith);
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
      await this.reasons.delete(em, ordered, id);
    });
  }
}

function toLostReasonDto({ id, name, position }: LostReason): LostReasonDto {
  return { id, name, position };
}
