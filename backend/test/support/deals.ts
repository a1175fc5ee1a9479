import type { DealDto, FunnelDto } from '@autofunnel/shared';
import type { TestApp, TestUser } from './test-app.js';
import { uniquePhone } from './test-app.js';

/** Creates a deal through the API (unassigned unless a responsible is given). */
export async function createDeal(t: TestApp, caller: TestUser, funnel: FunnelDto, extra: Record<string, unknown> = {}): Promise<DealDto> {
  const response = await t.http
    .post('/api/deals')
    .set(caller.auth)
    .send({ funnelId: funnel.id, contact: { name: 'Test Customer', phone: uniquePhone() }, ...extra });
  if (response.status !== 201) throw new Error(`createDeal: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as DealDto;
}

export function stageOf(funnel: FunnelDto, kind: 'unassigned' | 'won'): string;
export function stageOf(funnel: FunnelDto, kind: 'open', index?: number): string;
export function stageOf(funnel: FunnelDto, kind: 'unassigned' | 'open' | 'won', index = 0): string {
  return funnel.stages.filter((stage) => stage.kind === kind)[index].id;
}
