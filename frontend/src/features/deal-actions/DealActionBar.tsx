import { useId, useState } from 'react';
import type { DealDto } from '@autofunnel/shared';
import { useAppSelector } from '../../app/store';
import { selectCurrentUser } from '../auth/auth-slice';
import { DocumentDialog } from './DocumentDialog';
import { EmailDialog } from './EmailDialog';
import { NoteDialog } from './NoteDialog';
import { OfferDialog } from './OfferDialog';
import { canChangeDeal } from '../deals/deal-permissions';
import { TaskDialog } from './TaskDialog';
import { TestDriveDialog } from './TestDriveDialog';
import { TradeInDialog } from './TradeInDialog';
import './deal-actions.css';

/** `openDealOnly`: the API takes offers and test drives on open deals only (reopen a closed one first). */
const ACTIONS = [
  { kind: 'trade-in', label: 'Trade-in' },
  { kind: 'offer', label: 'Offer', openDealOnly: true },
  { kind: 'test-drive', label: 'Test drive', openDealOnly: true },
  { kind: 'note', label: 'Note' },
  { kind: 'document', label: 'Document' },
  { kind: 'task', label: 'Task' },
  { kind: 'call', label: 'Call' },
  { kind: 'meeting', label: 'Meeting' },
  { kind: 'email', label: 'Email' },
] as const;

type ActionKind = (typeof ACTIONS)[number]['kind'];

function ActionDialog({ kind, deal, onClose }: { kind: ActionKind; deal: DealDto; onClose(): void }) {
  switch (kind) {
    case 'trade-in':
      return <TradeInDialog dealId={deal.id} onClose={onClose} />;
    case 'offer':
      return <OfferDialog dealId={deal.id} onClose={onClose} />;
    case 'test-drive':
      return <TestDriveDialog dealId={deal.id} onClose={onClose} />;
    case 'note':
      return <NoteDialog dealId={deal.id} onClose={onClose} />;
    case 'document':
      return <DocumentDialog dealId={deal.id} onClose={onClose} />;
    case 'task':
    case 'call':
    case 'meeting':
      return <TaskDialog deal={deal} kind={kind} onClose={onClose} />;
    case 'email':
      return <EmailDialog deal={deal} onClose={onClose} />;
  }
}

/**
 * The deal page's actions, each a dialog. Someone who may not change the deal (another
 * manager's), or an action the deal's status rules out, shows disabled with the reason,
 * instead of a refusal after typing.
 */
export function DealActionBar({ deal }: { deal: DealDto }) {
  const me = useAppSelector(selectCurrentUser);
  const [open, setOpen] = useState<ActionKind | null>(null);
  const reasonId = useId();
  const allowed = canChangeDeal(me, deal);
  const closed = deal.status !== 'open';
  const reason = !allowed
    ? `${deal.responsible ? `${deal.responsible.name} works on this deal` : 'This deal is someone else’s'}: only they, a team lead or an admin can add to it.`
    : closed
      ? `The deal is ${deal.status}: reopen it to make an offer or book a test drive.`
      : null;

  return (
    <div className="deal-action-bar">
      <div className="deal-action-bar__buttons" role="toolbar" aria-label="Deal actions" aria-describedby={reason ? reasonId : undefined}>
        {ACTIONS.map((action) => (
          <button
            key={action.kind}
            type="button"
            className="button button--secondary button--small"
            disabled={!allowed || (closed && 'openDealOnly' in action)}
            aria-haspopup="dialog"
            onClick={() => setOpen(action.kind)}
          >
            {action.label}
          </button>
        ))}
      </div>
      {reason && (
        <p id={reasonId} className="muted small">
          {reason}
        </p>
      )}
      {open && <ActionDialog kind={open} deal={deal} onClose={() => setOpen(null)} />}
    </div>
  );
}
