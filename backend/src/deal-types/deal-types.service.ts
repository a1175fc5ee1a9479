import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DealTypeDto } from '@autofunnel/shared';
import { DataSource } from 'typeorm';
import { OrderedList } from '../common/ordered-list.js';
import { Deal } from '../deals/deal.entity.js';
import { DealTypeEntity } from './deal-type.entity.js';
import type { UpdateDealTypeDto } from './dto/deal-type.dto.js';

/** As long as the `code` column. */
const MAX_CODE_LENGTH = 40;

/**
 * The admin-edited list of deal types. Deals store a type's `code`, made from its name when the
 * type is created and never changed, so renaming is free; deleting one that deals still have
 * needs a replacement. Writers lock the table against each other, which keeps positions 1..n,
 * names and codes unique however they race.
 */
@Injectable()
export class DealTypesService {
  private readonly types: OrderedList<DealTypeEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.types = new OrderedList(dataSource, DealTypeEntity, 'deal_type', 'deal type');
  }

  async list(): Promise<DealTypeDto[]> {
    return (await this.types.read()).map(toDealTypeDto);
  }

  /** A new entry goes last, with a code of its own made from the name. */
  create(name: string): Promise<DealTypeDto> {
    return this.types.write(async (em, ordered) => {
      this.types.refuseDuplicateName(ordered, name);
      const code = uniqueCode(slug(name), new Set(ordered.map((type) => type.code)));
      return toDealTypeDto(await em.save(em.create(DealTypeEntity, { code, name, position: ordered.length + 1, system: false })));
    });
  }

  update(id: string, dto: UpdateDealTypeDto): Promise<DealTypeDto> {
    return this.types.write(async (em, ordered) => toDealTypeDto(await this.types.update(em, ordered, id, dto)));
  }

  /**
   * Deletes a type. Built-in ones (intake uses them) stay; one that deals still have is refused
   * unless `replaceWith` names the type they get instead, in the same transaction.
   */
  async remove(id: string, replaceWith?: string): Promise<void> {
    await this.types.write(async (em, ordered) => {
      const type = this.types.found(ordered, id);
      if (type.system) throw new UnprocessableEntityException(`"${type.name}" is built in (intake uses it); rename it instead`);
      const replacement = this.types.replacement(ordered, id, replaceWith);
      // Holding the row, a deal being saved with this type right now is counted (or waited for).
      await em.query(`SELECT 1 FROM deal_type WHERE id = $1 FOR UPDATE`, [id]);
      if (replacement) {
        await em.update(Deal, { type: type.code }, { type: replacement.code });
      } else {
        const deals = await em.countBy(Deal, { type: type.code });
        if (deals > 0) {
          throw new ConflictException({
            statusCode: 409,
            error: 'Conflict',
            message: `"${type.name}" is the type of ${deals} deal${deals === 1 ? '' : 's'}; choose a type to give them instead (replaceWith)`,
            deals,
          });
        }
      }
      await this.types.delete(em, ordered, id);
    });
  }
}

/** "Fleet / B2B request" → `fleet_b2b_request`; a name without Latin letters or digits gives `type`. */
export function slug(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const code = ascii.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, MAX_CODE_LENGTH).replace(/_+$/, '');
  return code || 'type';
}

/** `base`, or `base_2`, `base_3`... the first no other type has. */
function uniqueCode(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const code = base.slice(0, MAX_CODE_LENGTH - suffix.length) + suffix;
    if (!taken.has(code)) return code;
  }
}

function toDealTypeDto({ id, code, name, position, system }: DealTypeEntity): DealTypeDto {
  return { id, code, name, position, system };
}
