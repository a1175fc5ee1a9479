import { useState, type FormEvent } from 'react';
import type { TestDriveDto, UpdateTestDriveRequest, VehicleDto } from '@autofunnel/shared';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { Dialog } from '../../components/Dialog';
import { useScheduleTestDriveMutation, useUpdateTestDriveMutation } from './deal-actions-api';
import {
  dateInputValue,
  FormError,
  FormField,
  localMoment,
  MAX_NOTES_LENGTH,
  minutesBetween,
  nextFullHour,
  NO_PROBLEMS,
  problemsOf,
  shiftTime,
  SubmitButtons,
  timeInputValue,
  type FormProblems,
} from './form-support';
import { formatSlot } from './record-format';
import { vehicleName } from '../stock/vehicle-labels';
import { VehiclePicker } from './VehiclePicker';

const DEFAULT_MINUTES = 60;
const SHOWN_FIELDS = ['vehicleId', 'startsAt', 'endsAt', 'licenceChecked', 'notes'];

interface TestDriveDialogProps {
  dealId: string;
  /** Rescheduling this test drive (its vehicle stays); a new one when absent. */
  testDrive?: TestDriveDto;
  onClose(): void;
}

function initialSlot(testDrive: TestDriveDto | undefined) {
  if (testDrive) {
    const start = new Date(testDrive.startsAt);
    return { date: dateInputValue(start), start: timeInputValue(start), end: timeInputValue(new Date(testDrive.endsAt)) };
  }
  const start = nextFullHour(new Date());
  return { date: dateInputValue(start), start: timeInputValue(start), end: shiftTime(timeInputValue(start), DEFAULT_MINUTES) };
}

/**
 * A test drive of a stock vehicle in a time slot. The server refuses a slot that overlaps
 * another booking of the vehicle (409, naming the clash): its message is shown here and what
 * was typed stays, so that only the time or the vehicle needs changing.
 */
export function TestDriveDialog({ dealId, testDrive, onClose }: TestDriveDialogProps) {
  const dispatch = useAppDispatch();
  const [schedule, scheduling] = useScheduleTestDriveMutation();
  const [update, updating] = useUpdateTestDriveMutation();
  const [vehicle, setVehicle] = useState<VehicleDto | null>(testDrive?.vehicle ?? null);
  const [slot, setSlot] = useState(() => initialSlot(testDrive));
  const [licenceChecked, setLicenceChecked] = useState(testDrive?.licenceChecked ?? false);
  const [notes, setNotes] = useState(testDrive?.notes ?? '');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);

  // The end follows the start, keeping the length of the drive (an hour unless changed).
  function changeStart(start: string) {
    const length = minutesBetween(slot.start, slot.end);
    setSlot({ ...slot, start, end: start && length > 0 ? shiftTime(start, length) : slot.end });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const startsAt = localMoment(slot.date, slot.start);
    const endsAt = localMoment(slot.date, slot.end);
    const fields: Record<string, string> = {};
    if (!vehicle) fields.vehicleId = 'Pick the vehicle for the test drive.';
    if (!startsAt) fields.startsAt = 'Enter the day and the start time.';
    if (!endsAt) fields.endsAt = 'Enter the end time.';
    else if (startsAt && endsAt <= startsAt) fields.endsAt = 'The test drive must end after it starts.';
    if (!vehicle || !startsAt || !endsAt || Object.keys(fields).length > 0) return setProblems({ fields, message: null });
    setProblems(NO_PROBLEMS);
    try {
      if (testDrive) {
        const changes: UpdateTestDriveRequest = {
          ...(startsAt.toISOString() !== new Date(testDrive.startsAt).toISOString() && { startsAt: startsAt.toISOString() }),
          ...(endsAt.toISOString() !== new Date(testDrive.endsAt).toISOString() && { endsAt: endsAt.toISOString() }),
          ...(licenceChecked !== testDrive.licenceChecked && { licenceChecked }),
          ...(notes.trim() !== (testDrive.notes ?? '') && { notes: notes.trim() || null }),
        };
        if (Object.keys(changes).length > 0) await update({ testDrive, changes }).unwrap();
      } else {
        await schedule({
          dealId,
          vehicleId: vehicle.id,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          licenceChecked,
          ...(notes.trim() && { notes: notes.trim() }),
        }).unwrap();
      }
      const when = formatSlot(startsAt.toISOString(), endsAt.toISOString());
      dispatch(toastShown({ kind: 'success', text: `Test drive of the ${vehicleName(vehicle)} ${testDrive ? 'moved to' : 'booked for'} ${when}.` }));
      onClose();
    } catch (failure) {
      // a 409 names the clashing booking (or says the vehicle was sold) and what to do about it
      setProblems(problemsOf(failure, SHOWN_FIELDS));
    }
  }

  return (
    <Dialog title={testDrive ? 'Reschedule the test drive' : 'Book a test drive'} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        {testDrive ? (
          <p>
            <strong>{vehicleName(testDrive.vehicle)}</strong> <span className="muted">VIN {testDrive.vehicle.vin}</span>
          </p>
        ) : (
          <VehiclePicker picked={vehicle} onPick={setVehicle} error={problems.fields.vehicleId} />
        )}
        <div className="field-row">
          <FormField label="Day" error={problems.fields.startsAt}>
            {(control) => (
              <input {...control} type="date" data-autofocus={testDrive ? true : undefined} value={slot.date} onChange={(event) => setSlot({ ...slot, date: event.target.value })} required />
            )}
          </FormField>
          <FormField label="Start">
            {(control) => <input {...control} type="time" value={slot.start} onChange={(event) => changeStart(event.target.value)} required step={300} />}
          </FormField>
          <FormField label="End" error={problems.fields.endsAt}>
            {(control) => <input {...control} type="time" value={slot.end} onChange={(event) => setSlot({ ...slot, end: event.target.value })} required step={300} />}
          </FormField>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={licenceChecked} onChange={(event) => setLicenceChecked(event.target.checked)} />
          Driving licence checked
        </label>
        <FormField label="Notes" error={problems.fields.notes}>
          {(control) => <textarea {...control} rows={2} value={notes} onChange={(event) => setNotes(event.target.value)} maxLength={MAX_NOTES_LENGTH} placeholder="Route, who comes along" />}
        </FormField>
        <FormError message={problems.message} />
        <SubmitButtons label={testDrive ? 'Reschedule' : 'Book test drive'} busyLabel="Saving…" busy={scheduling.isLoading || updating.isLoading} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
