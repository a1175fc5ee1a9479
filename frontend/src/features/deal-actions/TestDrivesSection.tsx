import { useState } from 'react';
import type { DealDto, TestDriveDto } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { ConfirmDialog } from '../admin/channels/ConfirmDialog';
import { useGetDealTestDrivesQuery, useUpdateTestDriveMutation } from './deal-actions-api';
import { formatSlot, vinTail } from './record-format';
import { vehicleName } from '../stock/vehicle-labels';
import { RecordSection } from './RecordSection';
import { TestDriveDialog } from './TestDriveDialog';

const STATUS_PILLS: Record<TestDriveDto['status'], string> = { scheduled: 'open', done: 'won', cancelled: 'off' };

/** The deal's test drives: mark one done, move it, or cancel it (which frees the vehicle's slot). */
export function TestDrivesSection({ deal, mayChange }: { deal: DealDto; mayChange: boolean }) {
  const dispatch = useAppDispatch();
  const query = useGetDealTestDrivesQuery(deal.id);
  const [update, { isLoading: updating, originalArgs }] = useUpdateTestDriveMutation();
  const [rescheduling, setRescheduling] = useState<TestDriveDto | null>(null);
  const [cancelling, setCancelling] = useState<TestDriveDto | null>(null);
  const [confirmingLicence, setConfirmingLicence] = useState<TestDriveDto | null>(null);

  // Nobody drives without a checked licence (the API refuses it): an unchecked one is confirmed first.
  async function markDone(testDrive: TestDriveDto) {
    if (!testDrive.licenceChecked) return setConfirmingLicence(testDrive);
    try {
      await update({ testDrive, changes: { status: 'done' } }).unwrap();
    } catch (failure) {
      dispatch(toastShown({ kind: 'error', text: `Could not mark the test drive done. ${describeError(failure as Parameters<typeof describeError>[0])}` }));
    }
  }

  return (
    <>
      <RecordSection title="Test drives" query={query} emptyText="No test drives yet. Use “Test drive” to book a vehicle for the customer.">
        {(testDrives) =>
          testDrives.map((testDrive) => {
            const busy = updating && originalArgs?.testDrive.id === testDrive.id && originalArgs.changes.status === 'done';
            return (
              <li key={testDrive.id} className={`record ${testDrive.status === 'cancelled' ? 'record--inactive' : ''}`}>
                <div className="record__main">
                  <p className="record__title">
                    {vehicleName(testDrive.vehicle)} <span className="muted small">VIN {vinTail(testDrive.vehicle.vin)}</span>{' '}
                    <span className={`status-pill status-pill--${STATUS_PILLS[testDrive.status]}`}>{testDrive.status}</span>
                  </p>
                  <p className="record__meta">
                    {formatSlot(testDrive.startsAt, testDrive.endsAt)} ·{' '}
                    {testDrive.licenceChecked ? 'Licence checked' : <span className="record__warning">Licence not checked yet</span>}
                  </p>
                  {testDrive.notes && <p className="record__notes">{testDrive.notes}</p>}
                </div>
                {mayChange && testDrive.status === 'scheduled' && (
                  <div className="record__actions">
                    <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void markDone(testDrive)}>
                      {busy ? 'Saving…' : 'Mark done'}
                    </button>
                    {/* a new slot is a booking, which the API takes on open deals only */}
                    {deal.status === 'open' && (
                      <button type="button" className="button button--secondary button--small" aria-haspopup="dialog" onClick={() => setRescheduling(testDrive)}>
                        Reschedule
                      </button>
                    )}
                    <button type="button" className="button button--ghost button--small" aria-haspopup="dialog" onClick={() => setCancelling(testDrive)}>
                      Cancel
                    </button>
                  </div>
                )}
              </li>
            );
          })
        }
      </RecordSection>
      {rescheduling && <TestDriveDialog dealId={deal.id} testDrive={rescheduling} onClose={() => setRescheduling(null)} />}
      {confirmingLicence && (
        <ConfirmDialog
          title="Was the driving licence checked?"
          confirmLabel="Licence checked, mark done"
          onConfirm={async () => {
            await update({ testDrive: confirmingLicence, changes: { licenceChecked: true, status: 'done' } }).unwrap();
            setConfirmingLicence(null);
          }}
          onClose={() => setConfirmingLicence(null)}
        >
          <p>A test drive is done only with the customer’s driving licence checked. Confirm that you saw a valid licence.</p>
        </ConfirmDialog>
      )}
      {cancelling && (
        <ConfirmDialog
          title="Cancel the test drive?"
          confirmLabel="Cancel test drive"
          danger
          onConfirm={async () => {
            await update({ testDrive: cancelling, changes: { status: 'cancelled' } }).unwrap();
            setCancelling(null);
          }}
          onClose={() => setCancelling(null)}
        >
          <p>
            The {vehicleName(cancelling.vehicle)} on {formatSlot(cancelling.startsAt, cancelling.endsAt)} becomes free for other bookings.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
