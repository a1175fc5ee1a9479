import type { ChannelDto } from '@autofunnel/shared';
import { formatDateTime } from '../../board/format';
import { CHANNEL_KIND_LABELS } from './channel-kinds';

interface ChannelsTableProps {
  channels: readonly ChannelDto[];
  funnelNames: ReadonlyMap<string, string>;
  sourceNames: ReadonlyMap<string, string>;
  branchNames: ReadonlyMap<string, string>;
  onEdit(channel: ChannelDto): void;
  onRotateKey(channel: ChannelDto): void;
  onDelete(channel: ChannelDto): void;
}

/** A row's button: its visible word, and the channel's name for screen readers. */
function RowAction({ label, channel, onClick }: { label: string; channel: ChannelDto; onClick(): void }) {
  return (
    <button type="button" className="button button--ghost button--small" onClick={onClick}>
      {label}
      <span className="visually-hidden"> {channel.name}</span>
    </button>
  );
}

/** The channels: where their deals go (funnel, source, branch), their key (by its first characters) and when they last sent a lead. */
export function ChannelsTable({ channels, funnelNames, sourceNames, branchNames, onEdit, onRotateKey, onDelete }: ChannelsTableProps) {
  return (
    <div className="table-scroll">
      <table className="deal-table admin-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Funnel</th>
            <th scope="col">Source</th>
            <th scope="col">Branch</th>
            <th scope="col">Key</th>
            <th scope="col">Repeat requests</th>
            <th scope="col">Status</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => (
            <tr key={channel.id}>
              <th scope="row" className="admin-table__name">
                {channel.name}
              </th>
              <td>{CHANNEL_KIND_LABELS[channel.kind] ?? channel.kind}</td>
              <td>{funnelNames.get(channel.funnelId) ?? '—'}</td>
              <td>{(channel.sourceId && sourceNames.get(channel.sourceId)) || <span className="muted">None</span>}</td>
              <td>{(channel.branchId && branchNames.get(channel.branchId)) || <span className="muted">Any</span>}</td>
              <td>
                <code className="admin-table__key">{channel.apiKeyPrefix}…</code>
              </td>
              <td>{channel.mergeRepeatRequests ? 'Merged' : 'New deal'}</td>
              <td>
                <span className={`status-pill ${channel.active ? 'status-pill--won' : 'status-pill--off'}`}>{channel.active ? 'Active' : 'Off'}</span>
              </td>
              <td className="admin-table__when">{channel.lastUsedAt ? formatDateTime(channel.lastUsedAt) : <span className="muted">Never</span>}</td>
              <td className="admin-table__actions">
                <RowAction label="Edit" channel={channel} onClick={() => onEdit(channel)} />
                <RowAction label="Rotate key" channel={channel} onClick={() => onRotateKey(channel)} />
                <RowAction label="Delete" channel={channel} onClick={() => onDelete(channel)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
