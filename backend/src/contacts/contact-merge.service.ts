import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { ContactDto } from '@autofunnel/shared';
import { In, IsNull, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Deal } from '../deals/deal.entity.js';
import { DEAL_RELATIONS, toContactDto, toDealDto } from '../deals/deal.mapper.js';
import { EventsService, type FunnelEventLog } from '../events/events.service.js';
import { lockFunnel } from '../funnels/funnel-lock.js';
import { IntakeRequest } from '../intake/intake-request.entity.js';
import { Contact } from './contact.entity.js';
import { lockContactKeys, union } from './contact-keys.js';

/**
 * Merges a duplicate contact into the one kept: its deals and intake requests move over, its
 * phones and emails are added, its places on other deals (linked contacts) pass to the kept
 * one, then it is deleted; all in one transaction. Every moved deal gets a `deal.updated` event,
 * so open boards show the kept customer on the card (deals in the trash move silently).
 */
@Injectable()
export class ContactMergeService {
  constructor(private readonly events: EventsService) {}

  async merge(caller: AuthUser, keptId: string, duplicateId: string): Promise<ContactDto> {
    if (keptId === duplicateId) throw new UnprocessableEntityException('A contact cannot be merged into itself; choose the duplicate to merge into it');
    return this.events.transaction(async (em, log) => {
      const [kept, duplicate] = await lockPair(em, keptId, duplicateId);
      const movedByFunnel = await moveDeals(em, duplicate.id, kept.id);
      await moveLinks(em, duplicate.id, kept.id);
      await em.update(IntakeRequest, { contactId: duplicate.id }, { contactId: kept.id });
      await em.delete(Contact, duplicate.id);
      // After the delete: the kept contact may take over the duplicate's customer number.
      await em.update(Contact, kept.id, {
        phones: union(kept.phones, duplicate.phones),
        emails: union(kept.emails, duplicate.emails),
        customerNumber: kept.customerNumber ?? duplicate.customerNumber,
        convertedAt: kept.convertedAt ?? duplicate.convertedAt,
      });
      for (const [funnelId, dealIds] of movedByFunnel) await appendContactChanged(em, log, caller, funnelId, dealIds, duplicate, kept);
      return toContactDto(await em.findOneByOrFail(Contact, { id: kept.id }));
    });
  }
}

/**
 * Locks both contacts (and their phones/emails, which intake and new deals lock first too)
 * in a fixed order, so concurrent merges of overlapping pairs queue instead of deadlocking;
 * the loser of two merges of one duplicate then finds it gone (404).
 */
async function lockPair(em: EntityManager, keptId: string, duplicateId: string): Promise<[Contact, Contact]> {
  const ids = [keptId, duplicateId];
  await lockContactKeys(em, keysOf(await em.findBy(Contact, { id: In(ids) })));
  const locked = await em.find(Contact, { where: { id: In(ids) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  const byId = new Map(locked.map((contact) => [contact.id, contact]));
  const missing = ids.find((id) => !byId.has(id));
  if (missing) throw new NotFoundException(`Contact ${missing} does not exist`);
  return [byId.get(keptId)!, byId.get(duplicateId)!];
}

function keysOf(contacts: Contact[]): { phones: string[]; emails: string[] } {
  return { phones: contacts.flatMap((contact) => contact.phones), emails: contacts.flatMap((contact) => contact.emails) };
}

/**
 * Re-points the duplicate's deals, funnel by funnel in id order, each under its funnel's lock
 * (the order every deal write takes); returns the moved deal ids per funnel.
 */
async function moveDeals(em: EntityManager, fromContactId: string, toContactId: string): Promise<Map<string, string[]>> {
  const deals = await em.find(Deal, { where: { contactId: fromContactId }, select: { id: true, funnelId: true }, order: { funnelId: 'ASC', id: 'ASC' } });
  const byFunnel = new Map<string, string[]>();
  for (const deal of deals) byFunnel.set(deal.funnelId, [...(byFunnel.get(deal.funnelId) ?? []), deal.id]);
  for (const [funnelId, ids] of byFunnel) {
    await lockFunnel(em, funnelId);
    await em
      .createQueryBuilder()
      .update(Deal)
      .set({ contactId: toContactId, version: () => 'version + 1' })
      .where('id IN (:...ids)', { ids })
      .execute();
  }
  return byFunnel;
}

/**
 * Re-points the duplicate's links to other deals at the kept contact, unless the kept one is
 * already on that deal; a link of the kept contact to a deal it is now the primary contact of goes.
 */
async function moveLinks(em: EntityManager, fromContactId: string, toContactId: string): Promise<void> {
  await em.query(
    `INSERT INTO deal_contact (deal_id, contact_id, role, created_at)
     SELECT link.deal_id, $2, link.role, link.created_at
       FROM deal_contact link JOIN deal d ON d.id = link.deal_id
      WHERE link.contact_id = $1 AND d.contact_id <> $2
     ON CONFLICT DO NOTHING`,
    [fromContactId, toContactId],
  );
  await em.query(`DELETE FROM deal_contact link USING deal d WHERE d.id = link.deal_id AND link.contact_id = $1 AND d.contact_id = $1`, [toContactId]);
}

async function appendContactChanged(
  em: EntityManager,
  log: FunnelEventLog,
  caller: AuthUser,
  funnelId: string,
  dealIds: string[],
  duplicate: Contact,
  kept: Contact,
): Promise<void> {
  // A trashed deal on a live board's feed would bring its card back.
  const deals = await em.find(Deal, { where: { id: In(dealIds), trashedAt: IsNull() }, relations: DEAL_RELATIONS, order: { id: 'ASC' } });
  await log.append(
    funnelId,
    ...deals.map((deal) => ({
      type: 'deal.updated' as const,
      actor: caller,
      deal: toDealDto(deal),
      data: { changes: { contact: { from: duplicate.name, to: kept.name } }, fromContactId: duplicate.id, toContactId: kept.id },
    })),
  );
}
