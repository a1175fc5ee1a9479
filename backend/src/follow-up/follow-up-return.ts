import type { EntityManager } from 'typeorm';
import type { Deal } from '../deals/deal.entity.js';
import type { DealChange } from '../deals/deals.service.js';
import { setOpenDeadline } from './open-deadline.js';

/**
 * Brings a deal out of long-term follow-up, back into view with a fresh contact deadline: when
 * its date comes (the follow-up job) or earlier by hand (`early`). The caller holds the deal's lock.
 */
export async function returnFromFollowUp(em: EntityManager, deal: Deal, deadlineAt: Date, actorId: string | null, early: boolean): Promise<DealChange> {
  await setOpenDeadline(em, deal.id, deadlineAt, actorId);
  return {
    patch: { followUpUntil: null, deadlineAt },
    type: 'deal.follow_up_returned',
    data: { until: deal.followUpUntil?.toISOString() ?? null, deadlineAt: deadlineAt.toISOString(), early },
  };
}
