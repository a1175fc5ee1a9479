import type { DealDto } from '@autofunnel/shared';

/** react-dnd item types. */
export const DEAL_CARD = 'deal-card';
export const STAGE_ROW = 'stage-row';

/** What a dragged deal card carries. */
export interface DealDragItem {
  deal: DealDto;
  fromStageId: string;
}
