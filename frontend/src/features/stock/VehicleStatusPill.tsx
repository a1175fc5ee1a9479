import type { VehicleStatus } from '@autofunnel/shared';
import { VEHICLE_STATUS_LABELS } from './vehicle-labels';
import './stock.css';

export function VehicleStatusPill({ status }: { status: VehicleStatus }) {
  return <span className={`status-pill vehicle-status vehicle-status--${status}`}>{VEHICLE_STATUS_LABELS[status]}</span>;
}
