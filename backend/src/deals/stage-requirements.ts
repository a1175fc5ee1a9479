import { UnprocessableEntityException } from '@nestjs/common';
import { STAGE_REQUIREMENT_LABELS, type StageRequirement, type StageRuleRefusal } from '@autofunnel/shared';
import type { EntityManager } from 'typeorm';
import type { Stage } from '../funnels/stage.entity.js';
import type { Deal } from './deal.entity.js';

/** What the deal's records say about the requirements a deal's own columns cannot answer. */
interface DealFacts {
  phone: boolean;
  email: boolean;
  trade_in: boolean;
  test_drive: boolean;
  offer: boolean;
}

/**
 * The stage's required fields the deal does not have yet, in the stage's order. Contact
 * requirements look at the deal's primary contact; a test drive counts unless cancelled, an
 * offer while active. Read inside the caller's transaction, which holds the deal's lock.
 */
export async function missingRequirements(em: EntityManager, deal: Deal, stage: Stage): Promise<StageRequirement[]> {
  if (stage.requiredFields.length === 0) return [];
  const [facts]: DealFacts[] = await em.query(
    `SELECT cardinality(c.phones) > 0 AS phone,
            cardinality(c.emails) > 0 AS email,
            EXISTS (SELECT 1 FROM trade_in t WHERE t.deal_id = $1) AS trade_in,
            EXISTS (SELECT 1 FROM test_drive t WHERE t.deal_id = $1 AND t.status <> 'cancelled') AS test_drive,
            EXISTS (SELECT 1 FROM offer o WHERE o.deal_id = $1 AND o.status = 'active') AS offer
       FROM contact c WHERE c.id = $2`,
    [deal.id, deal.contactId],
  );
  const has: Record<StageRequirement, boolean> = {
    vehicleInterest: (deal.vehicleInterest ?? '').trim() !== '',
    amount: deal.amount !== null,
    source: deal.sourceId !== null,
    type: deal.type !== null,
    contactPhone: facts?.phone ?? false,
    contactEmail: facts?.email ?? false,
    tradeIn: facts?.trade_in ?? false,
    testDrive: facts?.test_drive ?? false,
    offer: facts?.offer ?? false,
  };
  return stage.requiredFields.filter((requirement) => !has[requirement]);
}

/**
 * Refuses a deal entering `stage` (by a move, or by being won) without what the stage requires:
 * 422 with a `StageRuleRefusal` body naming what to fill in, before anything is written.
 */
export async function assertMeetsRequirements(em: EntityManager, deal: Deal, stage: Stage, entering: 'move' | 'win' = 'move'): Promise<void> {
  const missing = await missingRequirements(em, deal, stage);
  if (missing.length === 0) return;
  const action = entering === 'win' ? `close the deal as won ("${stage.name}")` : `move to "${stage.name}"`;
  const refusal: StageRuleRefusal = {
    statusCode: 422,
    error: 'Unprocessable Entity',
    message: `Cannot ${action}: fill in ${missing.map((requirement) => STAGE_REQUIREMENT_LABELS[requirement]).join(', ')} first`,
    stageId: stage.id,
    missing,
  };
  throw new UnprocessableEntityException(refusal);
}
