import { ForbiddenException } from '@nestjs/common';
import { canSeeDeal, type DealScope, type Viewer } from '@autofunnel/shared';

/** A WHERE fragment with its named (`:name`) parameters, for a query builder's `andWhere`. */
export interface SqlCondition {
  condition: string;
  parameters: Record<string, unknown>;
}

/**
 * `canSeeDeal` in SQL, over the deal table aliased `alias`: the deals `viewer` may see. Each
 * branch is written to be TRUE or FALSE, never NULL (`responsible_id = x` alone is NULL for an
 * untaken deal), so the condition also holds inside NOT or a FILTER clause. The trash is a
 * separate rule: callers keep their own `trashed_at` condition.
 */
export function visibleDealsCondition(viewer: Viewer, alias: string): SqlCondition {
  if (viewer.role === 'admin') return { condition: 'TRUE', parameters: {} };
  const own = `(${alias}.responsible_id IS NOT NULL AND ${alias}.responsible_id = :visibilityViewerId)`;
  // A viewer without a branch shares only the deals that have none.
  const sameBranch = viewer.branchId
    ? `(${alias}.branch_id IS NULL OR ${alias}.branch_id = :visibilityBranchId)`
    : `${alias}.branch_id IS NULL`;
  const parameters = { visibilityViewerId: viewer.id, ...(viewer.branchId && { visibilityBranchId: viewer.branchId }) };
  const shared = viewer.role === 'lead' ? sameBranch : `(${alias}.responsible_id IS NULL AND ${sameBranch})`;
  return { condition: `(${own} OR ${shared})`, parameters };
}

/**
 * 403 for a deal `viewer` may not see, saying whom to ask. A deal of another branch sends them
 * to that branch's team lead (their own cannot see it either); a colleague's deal of their
 * branch, to a team lead who can reassign it.
 */
export function assertCanSee(viewer: Viewer, deal: DealScope): void {
  if (canSeeDeal(viewer, deal)) return;
  if (deal.branchId !== null && deal.branchId !== viewer.branchId) {
    throw new ForbiddenException('This deal belongs to another branch; ask its team lead');
  }
  throw new ForbiddenException('This deal belongs to another manager; ask a team lead to reassign it');
}
