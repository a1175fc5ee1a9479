import { selectLiveStatus, selectShowOfflineBanner } from '../../app/live-slice';
import { useAppSelector } from '../../app/store';

const LABELS = { online: 'Live', connecting: 'Connecting…', offline: 'Offline' } as const;

/** A dot and a word: whether the board is receiving changes as they happen. */
export function LiveIndicator() {
  const status = useAppSelector(selectLiveStatus);
  return (
    <span className={`live-indicator live-indicator--${status}`} title={status === 'online' ? 'Changes by others appear as they happen' : 'Changes by others are not arriving'}>
      <span className="live-indicator__dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}

/** The banner under the toolbar while the live connection is down. */
export function OfflineBanner() {
  const show = useAppSelector(selectShowOfflineBanner);
  if (!show) return null;
  return (
    <div className="offline-banner" role="status">
      <strong>Offline — reconnecting…</strong> Changes made by others will appear once the connection is back.
    </div>
  );
}
