import { IsNull, type EntityManager } from 'typeorm';
import { Deadline } from './deadline.entity.js';

/**
 * Makes `dueAt` the deal's open deadline: moves the open one, or opens a new one; `null`
 * withdraws the open one. The caller holds the deal's row lock and mirrors `dueAt` into
 * `deal.deadline_at` in the same transaction.
 */
export async function setOpenDeadline(em: EntityManager, dealId: string, dueAt: Date | null, actorId: string | null): Promise<void> {
  const open = await em.findOneBy(Deadline, { dealId, resolvedAt: IsNull() });
  if (dueAt === null) {
    if (open) await em.delete(Deadline, { id: open.id });
  } else if (open) {
    await em.update(Deadline, { id: open.id }, { dueAt });
  } else {
    await em.insert(Deadline, { dealId, dueAt, createdById: actorId });
  }
}
