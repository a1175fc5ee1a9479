import type { ContactDto, ContactSummaryDto, DealDto } from '@autofunnel/shared';
import type { Contact } from '../contacts/contact.entity.js';
import type { Deal } from './deal.entity.js';

/** Relations a deal needs loaded before `toDealDto`. */
export const DEAL_RELATIONS = { contact: true, responsible: true } as const;

export function toContactSummary(contact: Contact): ContactSummaryDto {
  return { id: contact.id, name: contact.name, kind: contact.kind, phones: contact.phones, emails: contact.emails };
}

export function toContactDto(contact: Contact): ContactDto {
  return {
    ...toContactSummary(contact),
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
    customerNumber: contact.customerNumber,
    convertedAt: contact.convertedAt?.toISOString() ?? null,
  };
}

export function toDealDto(deal: Deal): DealDto {
  if (!deal.contact) throw new Error(`Deal ${deal.id} was loaded without its contact`);
  return {
    id: deal.id,
    code: deal.code,
    title: deal.title,
    funnelId: deal.funnelId,
    stageId: deal.stageId,
    status: deal.status,
    responsible: deal.responsible ? { id: deal.responsible.id, name: deal.responsible.name } : null,
    branchId: deal.branchId,
    contact: toContactSummary(deal.contact),
    sourceId: deal.sourceId,
    channel: deal.channel,
    type: deal.type,
    amount: deal.amount,
    vehicleInterest: deal.vehicleInterest,
    position: deal.position,
    version: deal.version,
    createdAt: deal.createdAt.toISOString(),
    updatedAt: deal.updatedAt.toISOString(),
    lastActivityAt: deal.lastActivityAt.toISOString(),
    deadlineAt: deal.deadlineAt?.toISOString() ?? null,
    lostReason: deal.lostReason,
    closedAt: deal.closedAt?.toISOString() ?? null,
    tradeInCount: deal.tradeInCount,
    testDriveCount: deal.testDriveCount,
    offerCount: deal.offerCount,
    followUpUntil: deal.followUpUntil?.toISOString() ?? null,
    trashedAt: deal.trashedAt?.toISOString() ?? null,
    newRequestAt: deal.newRequestAt?.toISOString() ?? null,
    stageEnteredAt: deal.stageEnteredAt.toISOString(),
    takenAt: deal.takenAt?.toISOString() ?? null,
    slaEscalatedAt: deal.slaEscalatedAt?.toISOString() ?? null,
    reassignmentFlaggedAt: deal.reassignmentFlaggedAt?.toISOString() ?? null,
  };
}
