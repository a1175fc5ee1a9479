import type { TestDriveDto } from '@autofunnel/shared';
import { toVehicleDto } from '../stock/vehicle.mapper.js';
import type { TestDrive } from './test-drive.entity.js';

/** Relations a test drive needs loaded before `toTestDriveDto`. */
export const TEST_DRIVE_RELATIONS = { vehicle: true, createdBy: true } as const;

export function toTestDriveDto(testDrive: TestDrive): TestDriveDto {
  if (!testDrive.vehicle) throw new Error(`Test drive ${testDrive.id} was loaded without its vehicle`);
  return {
    id: testDrive.id,
    dealId: testDrive.dealId,
    vehicle: toVehicleDto(testDrive.vehicle),
    startsAt: testDrive.startsAt.toISOString(),
    endsAt: testDrive.endsAt.toISOString(),
    licenceChecked: testDrive.licenceChecked,
    status: testDrive.status,
    notes: testDrive.notes,
    createdAt: testDrive.createdAt.toISOString(),
    createdBy: testDrive.createdBy ? { id: testDrive.createdBy.id, name: testDrive.createdBy.name } : null,
  };
}
