import { NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Every write to a funnel (its stages, its deals, its event log) starts by locking the funnel
 * row. Writers of one funnel thus queue in one order, which makes stage and deal positions
 * race-free and deadlocks impossible; the same row's `last_seq` is bumped at the end.
 */
export async function lockFunnel(em: EntityManager, funnelId: string, missing: 'not-found' | 'unprocessable' = 'not-found'): Promise<void> {
  const rows = (await em.query(`SELECT id FROM funnel WHERE id = $1 FOR NO KEY UPDATE`, [funnelId])) as unknown[];
  if (rows.length === 0) {
    const message = `Funnel ${funnelId} does not exist`;
    throw missing === 'not-found' ? new NotFoundException(message) : new UnprocessableEntityException(message);
  }
}
