import type { DealDto } from '@autofunnel/shared';
import { useAppSelector } from '../../app/store';
import { selectCurrentUser } from '../auth/auth-slice';
import { DocumentsSection } from './DocumentsSection';
import { EmailsSection } from './EmailsSection';
import { OffersSection } from './OffersSection';
import { canChangeDeal } from '../deals/deal-permissions';
import { TasksSection } from './TasksSection';
import { TestDrivesSection } from './TestDrivesSection';
import { TradeInsSection } from './TradeInsSection';
import './deal-actions.css';

/**
 * The deal's records, one compact section per kind. Everyone signed in sees them; the actions
 * that change them are shown to those who may change the deal.
 */
export function DealRecords({ deal }: { deal: DealDto }) {
  const me = useAppSelector(selectCurrentUser);
  const mayChange = canChangeDeal(me, deal);
  return (
    <div className="deal-records">
      <OffersSection deal={deal} mayChange={mayChange} />
      <TestDrivesSection deal={deal} mayChange={mayChange} />
      <TradeInsSection deal={deal} mayChange={mayChange} />
      <TasksSection deal={deal} mayChange={mayChange} />
      <DocumentsSection deal={deal} mayChange={mayChange} />
      <EmailsSection deal={deal} mayChange={mayChange} />
    </div>
  );
}
