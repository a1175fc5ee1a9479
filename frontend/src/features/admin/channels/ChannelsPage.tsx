import { useId, useMemo, useState } from 'react';
import type { ChannelDto, ChannelWithKeyDto } from '@autofunnel/shared';
import { describeError } from '../../../app/describe-error';
import { useAppDispatch } from '../../../app/store';
import { toastShown } from '../../../app/toasts-slice';
import { RowsSkeleton } from '../../../components/Skeleton';
import { ErrorMessage } from '../../../components/StatusMessage';
import { useGetBranchesQuery, useGetSourcesQuery } from '../../directory/directory-api';
import { useGetFunnelsQuery } from '../../funnels/funnels-api';
import { ChannelFormDialog } from './ChannelFormDialog';
import { ChannelKeyPanel } from './ChannelKeyPanel';
import { ChannelsTable } from './ChannelsTable';
import { ConfirmDialog } from './ConfirmDialog';
import { useDeleteChannelMutation, useGetChannelsQuery, useRotateChannelKeyMutation } from './channels-api';

/** The dialog open over the page, if any. */
type OpenDialog = { kind: 'add' } | { kind: 'edit' | 'rotate' | 'delete'; channel: ChannelDto };

function useNames(items: readonly { id: string; name: string }[] | undefined): ReadonlyMap<string, string> {
  return useMemo(() => new Map(items?.map((item) => [item.id, item.name])), [items]);
}

/** Admins: the advertising channels that send leads in, and their API keys. */
export function ChannelsPage() {
  const titleId = useId();
  const dispatch = useAppDispatch();
  const { data: channels, isLoading, error, refetch } = useGetChannelsQuery();
  const { data: funnels } = useGetFunnelsQuery();
  const { data: sources } = useGetSourcesQuery();
  const { data: branches } = useGetBranchesQuery();
  const funnelNames = useNames(funnels);
  const sourceNames = useNames(sources);
  const branchNames = useNames(branches);
  const [rotateKey] = useRotateChannelKeyMutation();
  const [deleteChannel] = useDeleteChannelMutation();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  // the key just made; kept only here, and dropped once the admin has saved it
  const [newKey, setNewKey] = useState<ChannelWithKeyDto | null>(null);
  const close = () => setDialog(null);

  const showKey = (channel: ChannelWithKeyDto) => {
    setDialog(null);
    setNewKey(channel);
  };

  return (
    <section className="admin-page__section" aria-labelledby={titleId}>
      <div className="admin-page__header">
        <div>
          <h1 id={titleId} className="admin-page__title">
            Advertising channels
          </h1>
          <p className="muted">Each phone line, web form, messenger or partner that sends you leads: the funnel its deals enter, their source, and the key it sends them with.</p>
        </div>
        {/* the form starts on the first funnel, so it waits for the list */}
        <button type="button" className="button button--primary" disabled={!funnels} onClick={() => setDialog({ kind: 'add' })}>
          Add channel
        </button>
      </div>

      {newKey && <ChannelKeyPanel key={newKey.apiKey} channel={newKey} onDismiss={() => setNewKey(null)} />}

      {isLoading ? (
        <RowsSkeleton rows={4} />
      ) : !channels ? (
        <ErrorMessage title="Could not load the channels." detail={describeError(error)} onRetry={refetch} />
      ) : channels.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">No channels yet — add one for each phone line, web form or partner that sends you leads</p>
        </div>
      ) : (
        <ChannelsTable
          channels={channels}
          funnelNames={funnelNames}
          sourceNames={sourceNames}
          branchNames={branchNames}
          onEdit={(channel) => setDialog({ kind: 'edit', channel })}
          onRotateKey={(channel) => setDialog({ kind: 'rotate', channel })}
          onDelete={(channel) => setDialog({ kind: 'delete', channel })}
        />
      )}

      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <ChannelFormDialog
          channel={dialog.kind === 'edit' ? dialog.channel : undefined}
          funnels={funnels ?? []}
          sources={sources ?? []}
          branches={branches ?? []}
          onClose={close}
          onCreated={showKey}
        />
      )}
      {dialog?.kind === 'rotate' && (
        <ConfirmDialog
          title={`Rotate the key of “${dialog.channel.name}”?`}
          confirmLabel="Rotate key"
          onClose={close}
          onConfirm={async () => showKey(await rotateKey(dialog.channel.id).unwrap())}
        >
          <p>A new key is made and the old key stops working at once: requests sent with it are refused until the sender is given the new key.</p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete “${dialog.channel.name}”?`}
          confirmLabel="Delete channel"
          danger
          onClose={close}
          onConfirm={async () => {
            await deleteChannel(dialog.channel.id).unwrap();
            close();
            dispatch(toastShown({ kind: 'success', text: `Channel “${dialog.channel.name}” deleted.` }));
          }}
        >
          <p>Its key stops working at once. The deals it brought in stay, with its name.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
