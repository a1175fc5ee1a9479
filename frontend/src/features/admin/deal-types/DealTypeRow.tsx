import type { DealTypeDto } from '@autofunnel/shared';
import { MoveButtons, NameRow, type MoveProps } from '../NameRow';
import { useUpdateDealTypeMutation } from './deal-types-api';

interface DealTypeRowProps extends MoveProps {
  type: DealTypeDto;
  onDelete(): void;
}

/** One deal type: its name renamed in place, up, down, and Delete unless built in. */
export function DealTypeRow({ type, onDelete, ...move }: DealTypeRowProps) {
  const [update] = useUpdateDealTypeMutation();
  return (
    <NameRow
      name={type.name}
      maxLength={80}
      rename={(name) => update({ id: type.id, changes: { name } }).unwrap()}
      className="deal-type-row"
      onDelete={type.system ? undefined : onDelete}
    >
      <MoveButtons name={type.name} {...move} />
      {type.system && (
        <span className="deal-type-row__built-in muted small" title="Intake uses it: it can be renamed, not deleted">
          built in
        </span>
      )}
    </NameRow>
  );
}
