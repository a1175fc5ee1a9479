import type { SourceDto } from '@autofunnel/shared';
import { DeleteWithReplacementDialog } from '../DeleteWithReplacementDialog';
import { useDeleteSourceMutation } from './sources-api';

interface DeleteSourceDialogProps {
  source: SourceDto;
  /** The sources its deals and channels can move to. */
  others: readonly SourceDto[];
  onClose(): void;
}

/**
 * Deletes a source. The server refuses (409) one still used by deals or channels; its answer
 * says how many, and the admin then picks the source they move to.
 */
export function DeleteSourceDialog({ source, others, onClose }: DeleteSourceDialogProps) {
  const [remove] = useDeleteSourceMutation();
  return (
    <DeleteWithReplacementDialog
      noun="source"
      item={source}
      others={others}
      replaceLabel="Move them to"
      deletedText={(replacement) => `Source “${source.name}” deleted${replacement ? `; its deals and channels now come from “${replacement.name}”` : ''}.`}
      remove={(replaceWith) => remove({ id: source.id, replaceWith }).unwrap()}
      onClose={onClose}
    >
      <p>It is taken off the list of sources.</p>
    </DeleteWithReplacementDialog>
  );
}
