import type { DealDto } from '@autofunnel/shared';

/** react-dnd item types. */
export const DEAL_CARD = 'deal-card';
export const STAGE_ROW = 'stage-row';

/** What a dragged deal card carries. */
export interface DealDragItem {
  deal: DealDto;
  fromStageId: string;
  /** The swimlane it was picked up in (none when the board is not grouped). */
  laneKey?: string;
}
