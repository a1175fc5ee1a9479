import type { SourceDto } from '@autofunnel/shared';
import { NameRow } from '../NameRow';
import { useRenameSourceMutation } from './sources-api';

/** One source: its name, renamed in place, and Delete. */
export function SourceRow({ source, onDelete }: { source: SourceDto; onDelete(): void }) {
  const [rename] = useRenameSourceMutation();
  return <NameRow name={source.name} maxLength={120} rename={(name) => rename({ id: source.id, name }).unwrap()} onDelete={onDelete} />;
}
