import { Injectable } from '@nestjs/common';
import type { DealDto, DistributionMode } from '@autofunnel/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import type { FunnelEventLog } from '../events/events.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { User } from '../users/user.entity.js';

/** Where a new deal stands when distribution is asked to find it a responsible. */
export interface DistributionRequest {
  funnelId: string;
  branchId: string | null;
}

/** The manager distribution chose, and by which rule (recorded on the `deal.created` event). */
export interface DistributionPick {
  manager: User;
  mode: Exclude<DistributionMode, 'off'>;
}

/**
 * One lock for all distribution, whatever the funnel: the choice reads every candidate's open
 * deals (in any funnel) and last turn, so two picks must never interleave. Intake volumes are
 * small, and the lock is held only from the pick to the commit of the new deal.
 */
const DISTRIBUTION_LOCK = 'deal-distribution';

/**
 * Candidates: active managers on duty in the deal's branch (any branch for a deal without one),
 * under their cap of open deals. Ordered by the funnel's rule: round robin gives the deal to
 * the one whose last automatic deal is oldest (never had one first); least busy to the one with
 * the fewest open deals, ties in round-robin order. `$1` = branch or null.
 */
const CANDIDATES = `
  SELECT u.id, count(d.id)::int AS open_deals
    FROM app_user u
    LEFT JOIN deal d ON d.responsible_id = u.id AND d.status = 'open' AND d.trashed_at IS NULL
   WHERE u.role = 'manager' AND u.active AND u.on_duty AND ($1::uuid IS NULL OR u.branch_id = $1::uuid)
   GROUP BY u.id
  HAVING u.max_open_deals IS NULL OR count(d.id) < u.max_open_deals`;

const ORDER: Record<DistributionPick['mode'], string> = {
  round_robin: 'u.last_auto_assigned_at ASC NULLS FIRST, u.id',
  least_busy: 'open_deals ASC, u.last_auto_assigned_at ASC NULLS FIRST, u.id',
};

/**
 * Automatic distribution of new unassigned deals (per funnel: off, round robin or least busy)
 * over the on-duty managers of the deal's branch, within their caps.
 */
@Injectable()
export class DistributionService {
  constructor(
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * The manager who gets the new deal, or null to leave it unassigned (distribution off, or no
   * manager on duty under their cap). Runs inside the deal's creating transaction, which holds
   * the funnel lock; the distribution lock it takes is held until that transaction commits, so
   * the next pick sees this deal and this turn.
   */
  async pick(em: EntityManager, request: DistributionRequest): Promise<DistributionPick | null> {
    const [funnel] = (await em.query(`SELECT distribution FROM funnel WHERE id = $1`, [request.funnelId])) as { distribution: DistributionMode }[];
    const mode = funnel?.distribution;
    if (!mode || mode === 'off') return null;
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [DISTRIBUTION_LOCK]);
    const [chosen] = (await em.query(`${CANDIDATES} ORDER BY ${ORDER[mode]} LIMIT 1`, [request.branchId])) as { id: string }[];
    if (!chosen) return null;
    // The turn is stamped strictly after every earlier one, so the rotation holds even when the
    // clock stands still (tests) or steps back.
    await em.query(
      `UPDATE app_user SET last_auto_assigned_at = GREATEST($2::timestamptz, (SELECT max(last_auto_assigned_at) FROM app_user) + interval '1 microsecond')
        WHERE id = $1`,
      [chosen.id, this.clock.now()],
    );
    return { manager: await em.findOneByOrFail(User, { id: chosen.id }), mode };
  }

  /** Tells the picked manager about their new deal, in the deal's transaction. */
  async announce(em: EntityManager, log: FunnelEventLog, pick: DistributionPick, deal: DealDto): Promise<void> {
    await this.notifications.notify(em, log, [pick.manager.id], {
      kind: 'deal_assigned',
      title: `New deal for you: ${deal.code} ${deal.title}`,
      body: `Assigned automatically (${pick.mode === 'round_robin' ? 'round robin' : 'least busy'}). Customer: ${deal.contact.name}`,
      dealId: deal.id,
    });
  }
}
