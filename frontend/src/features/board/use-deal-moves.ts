import { useCallback } from 'react';
import type { DealDto } from '@autofunnel/shared';
import { useMoveDealMutation } from './board-api';
import { useBoardContext } from './board-context';
import type { Neighbours } from './drag/drop-position';

/** Moves a deal (optimistically; see boardApi.moveDeal) to a stage, between two neighbours. */
export function useDealMoves() {
  const { me } = useBoardContext();
  const [move] = useMoveDealMutation();
  return useCallback(
    (deal: DealDto, toStageId: string, neighbours: Neighbours = {}) => {
      if (!me) return;
      void move({ deal, toStageId, ...neighbours, actor: me });
    },
    [me, move],
  );
}
