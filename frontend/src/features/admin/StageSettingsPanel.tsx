import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { StageDto } from '@autofunnel/shared';
import { DEFAULT_STAGE_COLOR } from '@autofunnel/shared';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { useDrag, useDrop } from 'react-dnd';
import { describeError } from '../../app/describe-error';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import type { LiveBoard } from '../board/board-view';
import { STAGE_ROW } from '../board/drag/drag-types';
import { dealCountLabel } from '../board/format';
import { useAddStageMutation, useDeleteStageMutation, useReorderStagesMutation, useUpdateStageMutation } from './admin-api';
import { FunnelSettingsForm } from './FunnelSettingsForm';
import { describeStageRules, StageRulesForm } from './StageRulesForm';
import { moveStage } from './stage-order';

interface StageRowItem {
  stageId: string;
  index: number;
}

interface StageRowProps {
  stage: StageDto;
  index: number;
  stages: readonly StageDto[];
  dealCount: number;
  funnelId: string;
  onHoverMove(from: number, to: number): void;
  onDropped(didDrop: boolean): void;
  onStep(direction: -1 | 1): void;
}

const KIND_NOTES = { unassigned: 'Always first: new requests land here', won: 'Always last: deals here are won', open: '' } as const;

function useReport() {
  const dispatch = useAppDispatch();
  return (what: string, failure: unknown) => dispatch(toastShown({ kind: 'error', text: `${what} ${describeError(failure as FetchBaseQueryError)}` }));
}

/** One stage: drag handle (open stages), colour, name, up/down, delete with where its deals go. */
function StageRow({ stage, index, stages, dealCount, funnelId, onHoverMove, onDropped, onStep }: StageRowProps) {
  const report = useReport();
  const [update] = useUpdateStageMutation();
  const [remove, removing] = useDeleteStageMutation();
  const [name, setName] = useState(stage.name);
  const [color, setColor] = useState(stage.color);
  const [deleting, setDeleting] = useState(false);
  const [editingRules, setEditingRules] = useState(false);
  const rules = describeStageRules(stage);
  const targets = stages.filter((other) => other.id !== stage.id);
  const [moveTo, setMoveTo] = useState(targets[Math.max(0, index - 1)]?.id ?? '');
  const row = useRef<HTMLLIElement>(null);
  const colorTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const movable = stage.kind === 'open';

  useEffect(() => setName(stage.name), [stage.name]);
  useEffect(() => setColor(stage.color), [stage.color]);

  const [{ isDragging }, dragRef, previewRef] = useDrag(
    () => ({
      type: STAGE_ROW,
      item: { stageId: stage.id, index },
      canDrag: movable,
      collect: (monitor) => ({ isDragging: monitor.isDragging() }),
      end: (_item, monitor) => onDropped(monitor.didDrop()),
    }),
    [stage.id, index, movable, onDropped],
  );
  const [, dropRef] = useDrop<StageRowItem>(
    () => ({
      accept: STAGE_ROW,
      hover(item, monitor) {
        // as in react-dnd's sortable example: swap once the pointer passes the row's middle
        if (!row.current || item.index === index) return;
        const rect = row.current.getBoundingClientRect();
        const y = (monitor.getClientOffset()?.y ?? 0) - rect.top;
        if (item.index < index && y < rect.height / 2) return;
        if (item.index > index && y > rect.height / 2) return;
        if (stage.kind !== 'open') return;
        onHoverMove(item.index, index);
        item.index = index;
      },
    }),
    [index, stage.kind, onHoverMove],
  );
  previewRef(dropRef(row));

  const rename = () => {
    const trimmed = name.trim();
    if (trimmed === '' ) return setName(stage.name);
    if (trimmed === stage.name) return;
    update({ funnelId, stageId: stage.id, name: trimmed })
      .unwrap()
      .catch((failure) => {
        setName(stage.name);
        report(`Could not rename “${stage.name}”.`, failure);
      });
  };

  const recolour = (value: string) => {
    setColor(value);
    clearTimeout(colorTimer.current);
    colorTimer.current = setTimeout(() => {
      update({ funnelId, stageId: stage.id, color: value })
        .unwrap()
        .catch((failure) => report(`Could not recolour “${stage.name}”.`, failure));
    }, 300);
  };

  return (
    <li ref={row} className={`stage-row ${isDragging ? 'stage-row--dragging' : ''}`}>
      <div className="stage-row__main">
        <span
          ref={(node) => void dragRef(node)}
          className={`stage-row__handle ${movable ? '' : 'stage-row__handle--fixed'}`}
          title={movable ? 'Drag to reorder' : 'This stage stays where it is'}
          aria-hidden="true"
        >
          ⠿
        </span>
        <input type="color" className="stage-row__color" aria-label={`Colour of ${stage.name}`} value={color} onChange={(event) => recolour(event.target.value)} />
        <input
          className="stage-row__name"
          aria-label={`Name of stage ${index + 1}`}
          value={name}
          maxLength={80}
          onChange={(event) => setName(event.target.value)}
          onBlur={rename}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              (event.target as HTMLInputElement).blur();
            }
          }}
        />
        <span className="muted small stage-row__count">{dealCountLabel(dealCount)}</span>
        <button type="button" className="button button--ghost button--small" aria-expanded={editingRules} onClick={() => setEditingRules((open) => !open)}>
          Rules<span className="visually-hidden"> of {stage.name}</span>
        </button>
        {movable && (
          <>
            <button type="button" className="icon-button" aria-label={`Move ${stage.name} up`} disabled={stages[index - 1]?.kind !== 'open'} onClick={() => onStep(-1)}>
              ↑
            </button>
            <button type="button" className="icon-button" aria-label={`Move ${stage.name} down`} disabled={stages[index + 1]?.kind !== 'open'} onClick={() => onStep(1)}>
              ↓
            </button>
            <button type="button" className="button button--ghost button--small" onClick={() => setDeleting(true)}>
              Delete
            </button>
          </>
        )}
      </div>
      {!movable && <p className="muted small stage-row__note">{KIND_NOTES[stage.kind]}</p>}
      {rules && !editingRules && <p className="muted small stage-row__note">{rules}</p>}
      {editingRules && <StageRulesForm stage={stage} funnelId={funnelId} onDone={() => setEditingRules(false)} />}
      {deleting && (
        <form
          className="stage-row__delete"
          aria-label={`Delete ${stage.name}`}
          onSubmit={(event) => {
            event.preventDefault();
            remove({ funnelId, stageId: stage.id, moveDealsTo: moveTo || undefined })
              .unwrap()
              .catch((failure) => report(`Could not delete “${stage.name}”.`, failure));
          }}
        >
          <SelectField layout="inline" label="Move its deals to" value={moveTo} onChange={setMoveTo}>
            {targets.map((target) => (
              <option key={target.id} value={target.id}>
                {target.name}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button button--danger button--small" disabled={removing.isLoading}>
            Delete “{stage.name}”
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setDeleting(false)}>
            Cancel
          </button>
        </form>
      )}
    </li>
  );
}

const PALETTE = ['#42a5f5', '#26c6da', '#ab47bc', '#ffa726', '#ef5350', '#8d6e63', '#5c6bc0', '#26a69a'];

function AddStageForm({ funnelId, stages }: { funnelId: string; stages: readonly StageDto[] }) {
  const report = useReport();
  const [add, { isLoading }] = useAddStageMutation();
  const [name, setName] = useState('');
  const [color, setColor] = useState(PALETTE[stages.length % PALETTE.length] ?? DEFAULT_STAGE_COLOR);
  const afterChoices = stages.filter((stage) => stage.kind !== 'won');
  const [after, setAfter] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') return;
    try {
      await add({ funnelId, name: name.trim(), color, ...(after && { afterStageId: after }) }).unwrap();
      setName('');
    } catch (failure) {
      report('Could not add the stage.', failure);
    }
  }

  return (
    <form className="add-stage" onSubmit={submit} aria-label="Add a stage">
      <input type="color" aria-label="Colour of the new stage" value={color} onChange={(event) => setColor(event.target.value)} />
      <input aria-label="Name of the new stage" placeholder="New stage, e.g. Financing" value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
      <select aria-label="Where" value={after} onChange={(event) => setAfter(event.target.value)}>
        <option value="">Before the last stage</option>
        {afterChoices.map((stage) => (
          <option key={stage.id} value={stage.id}>
            After {stage.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--primary button--small" disabled={isLoading || name.trim() === ''}>
        Add stage
      </button>
    </form>
  );
}

/**
 * Admins edit the funnel: its distribution and SLA, and its stages: add, rename, recolour,
 * reorder (drag or ↑/↓), delete, and each stage's rules.
 */
export function StageSettingsPanel({ board, onClose }: { board: LiveBoard; onClose(): void }) {
  const report = useReport();
  const [reorder] = useReorderStagesMutation();
  const funnel = board.funnel;
  const [order, setOrder] = useState<readonly StageDto[]>(funnel.stages);
  const orderRef = useRef(order);
  orderRef.current = order;

  // the funnel changed on the server (here or elsewhere): show it
  useEffect(() => setOrder(funnel.stages), [funnel.stages]);

  const save = (stages: readonly StageDto[]) => {
    const stageIds = stages.map((stage) => stage.id);
    if (stageIds.join() === funnel.stages.map((stage) => stage.id).join()) return;
    reorder({ funnelId: funnel.id, stageIds })
      .unwrap()
      .catch((failure) => {
        setOrder(funnel.stages);
        report('Could not reorder the stages.', failure);
      });
  };

  const counts = new Map(board.columns.map((column) => [column.stageId, column.count]));
  return (
    <Dialog variant="drawer" title={`Settings of ${funnel.name}`} onClose={onClose}>
      <FunnelSettingsForm funnel={funnel} />
      <h3 className="funnel-settings__title">Stages</h3>
      <p className="muted">Drag the open stages (or use ↑ ↓) to reorder them. Changes show on every open board at once.</p>
      <ol className="stage-rows">
        {order.map((stage, index) => (
          <StageRow
            key={stage.id}
            stage={stage}
            index={index}
            stages={order}
            dealCount={counts.get(stage.id) ?? 0}
            funnelId={funnel.id}
            onHoverMove={(from, to) => setOrder((current) => moveStage(current, from, to))}
            onDropped={(didDrop) => (didDrop ? save(orderRef.current) : setOrder(funnel.stages))}
            onStep={(direction) => {
              const next = moveStage(orderRef.current, index, index + direction);
              setOrder(next);
              save(next);
            }}
          />
        ))}
      </ol>
      <AddStageForm funnelId={funnel.id} stages={funnel.stages} />
    </Dialog>
  );
}
