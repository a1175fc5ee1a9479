import type { LostReasonDto } from '@autofunnel/shared';
import { MoveButtons, NameRow, type MoveProps } from '../NameRow';
import { useUpdateLostReasonMutation } from './lost-reasons-api';

interface LostReasonRowProps extends MoveProps {
  reason: LostReasonDto;
  /** 1 for the first of the list. */
  rank: number;
  onDelete(): void;
}

/** One reason: its place, its name renamed in place, up, down, Delete. */
export function LostReasonRow({ reason, rank, onDelete, ...move }: LostReasonRowProps) {
  const [rename] = useUpdateLostReasonMutation();
  const leading = (
    <span className="lost-reason-row__rank muted" aria-hidden="true">
      {rank}
    </span>
  );
  return (
    <NameRow
      name={reason.name}
      maxLength={200}
      rename={(name) => rename({ id: reason.id, changes: { name } }).unwrap()}
      className="lost-reason-row"
      leading={leading}
      onDelete={onDelete}
    >
      <MoveButtons name={reason.name} {...move} />
    </NameRow>
  );
}
