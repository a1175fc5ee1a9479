import type { BoardEvent, BoardFilter, DealDto, FunnelDto } from '@autofunnel/shared';
import type { BoardView, LiveBoard } from '../features/board/board-view';
import { anna, deal } from './fixtures';

/** A small funnel: unassigned, two open stages, won. */
export const funnel: FunnelDto = {
  id: 'funnel-showroom',
  name: 'Car showroom',
  distribution: 'off',
  slaWarnMinutes: null,
  slaEscalateMinutes: null,
  stages: [
    { id: 'st-new', name: 'Unassigned', color: '#9e9e9e', kind: 'unassigned', position: 0, winProbability: null, rotAfterDays: null, requiredFields: [] },
    { id: 'st-selection', name: 'Car selection', color: '#42a5f5', kind: 'open', position: 1, winProbability: null, rotAfterDays: null, requiredFields: [] },
    { id: 'st-test-drive', name: 'Test drive', color: '#26c6da', kind: 'open', position: 2, winProbability: null, rotAfterDays: null, requiredFields: [] },
    { id: 'st-delivered', name: 'Delivered', color: '#66bb6a', kind: 'won', position: 3, winProbability: null, rotAfterDays: null, requiredFields: [] },
  ],
};

export const annaRef = { id: anna.id, name: anna.name };
export const borisRef = { id: 'user-boris', name: 'Boris Ivanov' };

/** A deal of `funnel` in `stageId` at order key `position`. */
export function card(id: string, stageId: string, position: string, overrides: Partial<DealDto> = {}): DealDto {
  return deal({
    id,
    code: `D-${id}`,
    stageId,
    position,
    responsible: stageId === 'st-new' ? null : annaRef,
    amount: 1000,
    contact: { id: `c-${id}`, name: `Customer ${id}`, kind: 'person', phones: [], emails: [] },
    ...overrides,
  });
}

interface ColumnSpec {
  deals: DealDto[];
  /** The column's total (deals further down included); defaults to the cards given. */
  count?: number;
  amountSum?: number;
  rottenCount?: number;
  nextCursor?: string | null;
}

/** A board of `funnel` with the given columns (missing ones empty), fetched with `filter` (`me` resolved). */
export function board(columns: Record<string, ColumnSpec>, options: { view?: BoardView; seq?: number | null; filter?: BoardFilter } = {}): LiveBoard {
  return {
    funnel,
    view: options.view ?? 'open',
    filter: options.filter ?? {},
    seq: options.seq === undefined ? 10 : options.seq,
    columns: funnel.stages.map((stage) => {
      const spec = columns[stage.id] ?? { deals: [] };
      return {
        stageId: stage.id,
        deals: spec.deals,
        count: spec.count ?? spec.deals.length,
        amountSum: spec.amountSum ?? spec.deals.reduce((sum, d) => sum + Number(d.amount ?? 0), 0),
        weightedAmountSum: 0,
        rottenCount: spec.rottenCount ?? 0,
        nextCursor: spec.nextCursor ?? null,
      };
    }),
  };
}

/** A funnel event as the server sends it. */
export function boardEvent(seq: number, type: BoardEvent['type'], dealDto?: DealDto, data: Record<string, unknown> = {}): BoardEvent {
  return { funnelId: funnel.id, seq, type, at: '2026-11-23T10:00:00.000Z', actor: annaRef, ...(dealDto && { deal: dealDto }), data };
}

/** The ids of each column's cards, by stage id. */
export function cardIds(liveBoard: LiveBoard): Record<string, string[]> {
  return Object.fromEntries(liveBoard.columns.map((column) => [column.stageId, column.deals.map((d) => d.id)]));
}

export function column(liveBoard: LiveBoard, stageId: string) {
  const found = liveBoard.columns.find((candidate) => candidate.stageId === stageId);
  if (!found) throw new Error(`no column ${stageId}`);
  return found;
}
