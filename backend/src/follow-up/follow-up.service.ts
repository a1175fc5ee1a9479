import { BadRequestException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeadlineDto, DealDto } from '@autofunnel/shared';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Clock } from '../common/clock.js';
import type { AppEnvironment } from '../config/env.js';
import type { Deal } from '../deals/deal.entity.js';
import { DealsService } from '../deals/deals.service.js';
import { Deadline } from './deadline.entity.js';
import { DEADLINE_RELATIONS, toDeadlineDto } from './deadline.mapper.js';
import type { FollowUpDto, ResolveDeadlineDto, SetDeadlineDto } from './dto/follow-up.dto.js';
import { returnFromFollowUp } from './follow-up-return.js';
import { setOpenDeadline } from './open-deadline.js';

const NOTE_REQUIRED = 'note is required when the customer was not contacted: say why (e.g. "no answer, left a voicemail")';

/**
 * The follow-up tab: contact deadlines (set, move, resolve) and long-term follow-up. The open
 * deadline is mirrored in `deal.deadline_at` in the same transaction, under the deal's lock.
 */
@Injectable()
export class FollowUpService {
  private readonly contactDeadlineMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deals: DealsService,
    private readonly clock: Clock,
    config: ConfigService<AppEnvironment, true>,
  ) {
    this.contactDeadlineMs = config.get('CONTACT_DEADLINE_MINUTES', { infer: true }) * 60_000;
  }

  /** Newest first: the open one, then the resolved ones with who resolved them and how. */
  async deadlines(viewer: AuthUser, dealId: string): Promise<DeadlineDto[]> {
    await this.deals.assertVisible(viewer, dealId);
    const deadlines = await this.dataSource.getRepository(Deadline).find({
      where: { dealId },
      relations: DEADLINE_RELATIONS,
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return deadlines.map(toDeadlineDto);
  }

  /** Sets the deal's open deadline, or moves it. */
  async setDeadline(caller: AuthUser, dealId: string, dto: SetDeadlineDto): Promise<DeadlineDto> {
    const dueAt = this.future(dto.dueAt, 'dueAt');
    let open!: DeadlineDto;
    await this.deals.change(caller, dealId, {}, async (em, deal) => {
      assertMayHaveDeadline(deal);
      await setOpenDeadline(em, deal.id, dueAt, caller.id);
      const deadline = await em.findOneOrFail(Deadline, { where: { dealId: deal.id, resolvedAt: IsNull() }, relations: DEADLINE_RELATIONS });
      open = toDeadlineDto(deadline);
      return {
        patch: { deadlineAt: dueAt },
        type: 'deal.deadline_set',
        data: { deadlineId: deadline.id, from: deal.deadlineAt?.toISOString() ?? null, to: dueAt.toISOString() },
      };
    });
    return open;
  }

  /** Records whether the customer was reached (and if not, why); `nextDueAt` opens the next deadline. */
  async resolve(caller: AuthUser, id: string, dto: ResolveDeadlineDto): Promise<DeadlineDto> {
    if (dto.outcome === 'not_contacted' && !dto.note) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: NOTE_REQUIRED, fields: { note: [NOTE_REQUIRED] } });
    }
    const next = dto.nextDueAt ? this.future(dto.nextDueAt, 'nextDueAt') : null;
    const found = await this.dataSource.getRepository(Deadline).findOne({ where: { id }, select: { id: true, dealId: true } });
    if (!found) throw new NotFoundException(`Deadline ${id} does not exist`);
    let resolved!: DeadlineDto;
    await this.deals.change(caller, found.dealId, {}, async (em, deal) => {
      const deadline = await loadDeadline(em, id);
      if (deadline.resolvedAt) {
        const by = deadline.resolvedBy ? ` by ${deadline.resolvedBy.id === caller.id ? 'you' : deadline.resolvedBy.name}` : '';
        throw new ConflictException(`This deadline was already resolved (${deadline.outcome?.replace('_', ' ')})${by} at ${deadline.resolvedAt.toISOString()}`);
      }
      if (next) assertMayHaveDeadline(deal);
      const resolvedAt = this.clock.now();
      await em.update(Deadline, { id }, { outcome: dto.outcome, note: dto.note || null, resolvedAt, resolvedById: caller.id });
      // The resolved one was the open one: the next (if any) takes its place on the deal.
      if (next) await setOpenDeadline(em, deal.id, next, caller.id);
      resolved = toDeadlineDto(await loadDeadline(em, id));
      return {
        patch: { deadlineAt: next },
        type: 'deal.deadline_resolved',
        data: {
          deadlineId: id,
          dueAt: deadline.dueAt.toISOString(),
          outcome: dto.outcome,
          note: dto.note || null,
          late: resolvedAt > deadline.dueAt,
          nextDueAt: next?.toISOString() ?? null,
        },
      };
    });
    return resolved;
  }

  /**
   * Long-term follow-up: the deal leaves the board and "My day" until `until`, without a contact
   * deadline; the follow-up job brings it back then. `until: null` brings it back now.
   */
  scheduleFollowUp(caller: AuthUser, dealId: string, dto: FollowUpDto): Promise<DealDto> {
    const until = dto.until === null ? null : this.future(dto.until, 'until');
    return this.deals.change(caller, dealId, {}, async (em, deal) => {
      if (deal.status !== 'open') throw new ConflictException(`This deal is ${deal.status}; only an open deal can be in long-term follow-up`);
      if (until === null) {
        if (!deal.followUpUntil) throw new ConflictException('This deal is not in long-term follow-up');
        return returnFromFollowUp(em, deal, new Date(this.clock.now().getTime() + this.contactDeadlineMs), caller.id, true);
      }
      await setOpenDeadline(em, deal.id, null, caller.id);
      return {
        patch: { followUpUntil: until, deadlineAt: null },
        type: 'deal.follow_up_scheduled',
        data: { from: deal.followUpUntil?.toISOString() ?? null, until: until.toISOString(), withdrawnDeadlineAt: deal.deadlineAt?.toISOString() ?? null },
      };
    });
  }

  /** The time given, refused (422) unless it is still ahead by the Clock. */
  private future(value: string, field: string): Date {
    const at = new Date(value);
    if (at <= this.clock.now()) throw new UnprocessableEntityException(`${field} ${value} is in the past; pick a time that is still ahead`);
    return at;
  }
}

async function loadDeadline(em: EntityManager, id: string): Promise<Deadline> {
  const deadline = await em.findOne(Deadline, { where: { id }, relations: DEADLINE_RELATIONS });
  if (!deadline) throw new NotFoundException(`Deadline ${id} does not exist`);
  return deadline;
}

/** Only an open deal in view has a contact deadline. */
function assertMayHaveDeadline(deal: Deal): void {
  if (deal.status !== 'open') throw new ConflictException(`This deal is ${deal.status}; reopen it before setting a deadline`);
  if (deal.followUpUntil) {
    throw new ConflictException(`This deal is in long-term follow-up until ${deal.followUpUntil.toISOString()}; bring it back before setting a deadline`);
  }
}
