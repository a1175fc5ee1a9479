import { useEffect, useId, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { BoardColumnDto, DealDto, StageDto } from '@autofunnel/shared';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDrag, useDrop } from 'react-dnd';
import { useAppDispatch, useAppSelector } from '../../app/store';
import { useNow } from '../../app/use-now';
import { useSourceNames } from '../directory/directory-api';
import { loadMoreDeals } from './board-api';
import { useBoardContext } from './board-context';
import { selectIsFresh } from './board-ui-slice';
import { isFiltering, matchesCardFilter } from './card-filter';
import { DealCard } from './DealCard';
import { DEAL_CARD, type DealDragItem } from './drag/drag-types';
import { dropIndexAtOffset, isDropInPlace, neighboursAt, stepDropIndex, type CardSlot } from './drag/drop-position';
import { MoveToMenu } from './MoveToMenu';
import { StageHeader } from './StageHeader';
import { useDealMoves } from './use-deal-moves';

/** A card's height before it is measured, and the space between cards. */
const CARD_ESTIMATE = 118;
const CARD_GAP = 8;
/** Start loading the next page this many cards before the end. */
const LOAD_AHEAD = 6;
/** After a page failed to load, when to try again (on the next scroll). */
const RETRY_MS = 5000;

interface StageColumnProps {
  stage: StageDto;
  column: BoardColumnDto;
}

interface CardRowProps {
  deal: DealDto;
  stage: StageDto;
  cardIds: readonly string[];
  sourceName?: string;
  now: number;
}

/** One card in its column: draggable (within its swimlane), with its "Move to…" menu. */
function CardRow({ deal, stage, cardIds, sourceName, now }: CardRowProps) {
  const { funnel, readOnly, openDeal, laneKey } = useBoardContext();
  const moveDeal = useDealMoves();
  const fresh = useAppSelector((state) => selectIsFresh(state, deal.id));
  const [{ isDragging }, dragRef] = useDrag<DealDragItem, unknown, { isDragging: boolean }>(
    () => ({
      type: DEAL_CARD,
      item: { deal, fromStageId: stage.id, laneKey },
      canDrag: !readOnly,
      collect: (monitor) => ({ isDragging: monitor.isDragging() }),
    }),
    [deal, stage.id, readOnly, laneKey],
  );

  const step = (direction: -1 | 1) => {
    const index = stepDropIndex(cardIds, deal.id, direction);
    return index === null ? undefined : () => moveDeal(deal, stage.id, neighboursAt(cardIds, index, deal.id));
  };

  return (
    <div ref={(node) => void dragRef(node)} className="card-row">
      <DealCard
        deal={deal}
        stage={stage}
        sourceName={sourceName}
        now={now}
        sla={funnel}
        fresh={fresh}
        dragging={isDragging}
        onOpen={() => openDeal(deal.id)}
        moveMenu={
          readOnly ? undefined : (
            <MoveToMenu
              label={deal.code}
              stages={funnel.stages}
              currentStageId={stage.id}
              onMoveTo={(stageId) => moveDeal(deal, stageId)}
              onStep={{ up: step(-1), down: step(1) }}
            />
          )
        }
      />
    </div>
  );
}

/**
 * One stage of the board (or of one swimlane): its header (StageHeader) and its cards,
 * virtualised, with the next page loaded as you scroll. Cards dropped here land where the
 * indicator line shows; a card from another swimlane is refused.
 */
export function StageColumn({ stage, column }: StageColumnProps) {
  const { args, filter, readOnly, laneKey } = useBoardContext();
  const dispatch = useAppDispatch();
  const moveDeal = useDealMoves();
  const sourceNames = useSourceNames();
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  // Unique per column: with swimlanes, a stage has a column in every lane.
  const headingId = useId();

  const filtering = isFiltering(filter);
  const cards = useMemo(() => (filtering ? column.deals.filter((deal) => matchesCardFilter(deal, filter)) : column.deals), [column.deals, filter, filtering]);
  const cardIds = useMemo(() => cards.map((deal) => deal.id), [cards]);

  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_ESTIMATE,
    gap: CARD_GAP,
    overscan: 4,
    getItemKey: (index) => cards[index]?.id ?? index,
    initialRect: { width: 272, height: 720 },
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastShown = virtualItems.length > 0 ? virtualItems[virtualItems.length - 1].index : -1;

  // A new search or filter starts each column from its top.
  useEffect(() => {
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [filter.search]);

  // The next page, once per cursor, when the cards in view come near the end of the loaded ones.
  const loadingCursor = useRef<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    const cursor = column.nextCursor;
    if (!cursor || loadingCursor.current === cursor || lastShown < cards.length - LOAD_AHEAD) return;
    loadingCursor.current = cursor;
    setLoadingMore(true);
    void dispatch(loadMoreDeals(args, stage.id)).then((loaded) => {
      if (mounted.current) setLoadingMore(false);
      // a page that failed (the toast says why) is tried again a little later
      if (!loaded) setTimeout(() => loadingCursor.current === cursor && (loadingCursor.current = null), RETRY_MS);
    });
  }, [column.nextCursor, lastShown, cards.length, dispatch, args, stage.id]);

  const slots = (): CardSlot[] => virtualizer.measurementsCache.slice(0, cards.length).map(({ start, size }) => ({ start, size }));

  const [{ isOver, canDrop }, dropRef] = useDrop<DealDragItem, void, { isOver: boolean; canDrop: boolean }>(
    () => ({
      accept: DEAL_CARD,
      // Lanes group by who or where: a drop into another lane would change that, not the stage.
      canDrop: (item) => !readOnly && item.laneKey === laneKey,
      hover(item, monitor) {
        if (!monitor.canDrop()) return;
        const pointer = monitor.getClientOffset();
        const list = listRef.current;
        if (!pointer || !list) return;
        const index = dropIndexAtOffset(slots(), pointer.y - list.getBoundingClientRect().top);
        const shown = isDropInPlace(cardIds, index, item.deal.id) ? null : index;
        setDropIndex((previous) => (previous === shown ? previous : shown));
      },
      drop(item, monitor) {
        const pointer = monitor.getClientOffset();
        const list = listRef.current;
        setDropIndex(null);
        const index = pointer && list ? dropIndexAtOffset(slots(), pointer.y - list.getBoundingClientRect().top) : cards.length;
        if (item.fromStageId === stage.id && isDropInPlace(cardIds, index, item.deal.id)) return;
        moveDeal(item.deal, stage.id, neighboursAt(cardIds, index, item.deal.id));
      },
      collect: (monitor) => ({ isOver: monitor.isOver(), canDrop: monitor.canDrop() }),
    }),
    [cardIds, cards.length, stage.id, readOnly, laneKey, moveDeal],
  );

  // Only the column under the pointer shows its drop index. (Clearing it when the pointer leaves
  // would race the hover of a quick return, which sets it in the same tick.)
  const indicatorTop = (() => {
    if (dropIndex === null || !isOver || !canDrop) return null;
    const all = slots();
    if (all.length === 0) return 0;
    if (dropIndex < all.length) return Math.max(0, all[dropIndex].start - CARD_GAP / 2);
    const last = all[all.length - 1];
    return last.start + last.size + CARD_GAP / 2;
  })();

  const style = { '--stage-color': stage.color } as CSSProperties;
  const classes = ['stage-column', `stage-column--${stage.kind}`, isOver && canDrop && 'stage-column--drop-target', isOver && !canDrop && 'stage-column--drop-refused']
    .filter(Boolean)
    .join(' ');

  return (
    <section className={classes} aria-labelledby={headingId} style={style} data-stage-id={stage.id}>
      <StageHeader stage={stage} column={column} headingId={headingId} shown={filtering ? cards.length : null} />
      <div
        ref={(node) => {
          scrollRef.current = node;
          dropRef(node);
        }}
        className="stage-column__body"
      >
        {cards.length === 0 && !column.nextCursor && (
          <p className="stage-column__empty">{filtering && column.count > 0 ? 'No matching deals' : isOver && canDrop ? 'Drop the deal here' : 'No deals here'}</p>
        )}
        <div ref={listRef} className="stage-column__list" role="list" style={{ height: virtualizer.getTotalSize() }}>
          {virtualItems.map((item) => {
            const deal = cards[item.index];
            return (
              <div
                key={item.key}
                role="listitem"
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="stage-column__slot"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <CardRow deal={deal} stage={stage} cardIds={cardIds} sourceName={deal.sourceId ? sourceNames.get(deal.sourceId) : undefined} now={now} />
              </div>
            );
          })}
          {indicatorTop !== null && <div className="drop-indicator" style={{ top: indicatorTop }} aria-hidden="true" />}
        </div>
        {loadingMore && <p className="stage-column__loading" role="status">Loading more deals…</p>}
      </div>
    </section>
  );
}
