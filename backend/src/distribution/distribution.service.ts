import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { User } from '../users/user.entity.js';

/** Where a new deal stands when distribution is asked to find it a responsible. */
export interface DistributionRequest {
  funnelId: string;
  branchId: string | null;
}

/**
 * Automatic distribution of new unassigned deals (per funnel: off, round robin or least busy)
 * over the on-duty managers of the deal's branch, within their caps.
 */
@Injectable()
export class DistributionService {
  /**
   * The manager who gets the new deal, or null to leave it unassigned. Runs inside the deal's
   * creating transaction, which holds the funnel lock.
   */
  // TODO(H3): implement; the skeleton never assigns.
  async pick(_em: EntityManager, _request: DistributionRequest): Promise<User | null> {
    return null;
  }
}
