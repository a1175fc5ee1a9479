import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { VehicleDto } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { ConfirmDialog } from '../admin/channels/ConfirmDialog';
import { useDeleteVehicleMutation } from './stock-api';
import { vehicleName } from './vehicle-labels';

interface DeleteVehicleDialogProps {
  vehicle: VehicleDto;
  onClose(): void;
  onDeleted?(): void;
}

/** Deletes a vehicle after confirming; the server refuses (409) one that offers or test drives name. */
export function DeleteVehicleDialog({ vehicle, onClose, onDeleted }: DeleteVehicleDialogProps) {
  const dispatch = useAppDispatch();
  const [remove] = useDeleteVehicleMutation();
  const name = vehicleName(vehicle);

  async function confirm() {
    try {
      await remove(vehicle.id).unwrap();
    } catch (failure) {
      const error = failure as FetchBaseQueryError;
      if (error.status !== 409) throw failure;
      // the server names the offers and test drives; ConfirmDialog shows a CUSTOM_ERROR's words as they are
      throw {
        status: 'CUSTOM_ERROR',
        error: `${describeError(error).replace(/\.$/, '')}. Deals keep showing the vehicles of their offers and test drives.`,
      } satisfies FetchBaseQueryError;
    }
    dispatch(toastShown({ kind: 'success', text: `${name} deleted from stock.` }));
    onClose();
    onDeleted?.();
  }

  return (
    <ConfirmDialog title={`Delete ${name}?`} confirmLabel="Delete vehicle" danger onClose={onClose} onConfirm={confirm}>
      <p>
        VIN <code className="vin">{vehicle.vin}</code> is taken out of stock for good. A vehicle that deals have offers or test drives on cannot be deleted.
      </p>
    </ConfirmDialog>
  );
}
