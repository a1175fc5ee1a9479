import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TestDriveDto } from '@autofunnel/shared';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { DealsService } from '../deals/deals.service.js';
import { assertOpen } from '../offers/offers.service.js';
import { describeVehicle } from '../stock/vehicle.mapper.js';
import { Vehicle } from '../stock/vehicle.entity.js';
import type { CreateTestDriveDto, UpdateTestDriveDto } from './dto/test-drive.dto.js';
import { TestDrive } from './test-drive.entity.js';
import { TEST_DRIVE_RELATIONS, toTestDriveDto } from './test-drive.mapper.js';

const HOUR_MS = 3_600_000;
/** Longer is a typo (a wrong day or month), not a test drive. */
const MAX_SLOT_HOURS = 24;

interface Slot {
  startsAt: Date;
  endsAt: Date;
}

const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * Test drives of stock vehicles, never two at once for one vehicle. A booking locks the vehicle
 * row and looks for an overlapping live slot, so the 409 can name it; the exclusion constraint
 * `xc_test_drive_vehicle_slot` stays the guarantee for any writer that skips the lock.
 * `testDriveCount` counts the deal's test drives that are not cancelled.
 */
@Injectable()
export class TestDrivesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deals: DealsService,
  ) {}

  /** In the order they take place. */
  async list(viewer: AuthUser, dealId: string): Promise<TestDriveDto[]> {
    await this.deals.assertVisible(viewer, dealId);
    const testDrives = await this.dataSource.getRepository(TestDrive).find({ where: { dealId }, relations: TEST_DRIVE_RELATIONS, order: { startsAt: 'ASC', id: 'ASC' } });
    return testDrives.map(toTestDriveDto);
  }

  async schedule(caller: AuthUser, dealId: string, dto: CreateTestDriveDto): Promise<TestDriveDto> {
    const slot = slotOf(dto.startsAt, dto.endsAt);
    let id = '';
    await this.booking(dto.vehicleId, slot, dealId, null, () =>
      this.deals.change(caller, dealId, {}, async (em, deal) => {
        assertOpen(deal, 'booking a test drive');
        const vehicle = await this.bookableVehicle(em, dto.vehicleId);
        await this.assertSlotFree(em, vehicle.id, slot, deal.id, null);
        const testDrive = await em.save(
          em.create(TestDrive, { dealId, vehicleId: vehicle.id, ...slot, licenceChecked: dto.licenceChecked ?? false, status: 'scheduled', notes: dto.notes || null, createdById: caller.id }),
        );
        id = testDrive.id;
        return {
          patch: { testDriveCount: deal.testDriveCount + 1 },
          type: 'deal.test_drive_scheduled',
          data: { testDriveId: id, vehicle: vehicleRef(vehicle), startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), licenceChecked: testDrive.licenceChecked },
        };
      }),
    );
    return this.get(id);
  }

  /**
   * Reschedule, check the licence, mark done or cancelled, edit notes. A new slot, or bringing a
   * cancelled drive back, is checked like a booking. A request that changes nothing writes nothing.
   */
  async update(caller: AuthUser, id: string, dto: UpdateTestDriveDto): Promise<TestDriveDto> {
    const current = await this.dataSource.getRepository(TestDrive).findOneBy({ id });
    if (!current) throw notFound(id);
    if (Object.keys(changesOf(current, dto)).length === 0) {
      // Nothing to write, but the answer still shows the test drive: only to whoever sees its deal.
      await this.deals.assertVisible(caller, current.dealId);
      return this.get(id);
    }
    const requested = { startsAt: dto.startsAt ? new Date(dto.startsAt) : current.startsAt, endsAt: dto.endsAt ? new Date(dto.endsAt) : current.endsAt };
    await this.booking(current.vehicleId, requested, current.dealId, id, () =>
      this.deals.change(caller, current.dealId, {}, async (em, deal) => {
        // Read again under the deal's lock, which every change of its test drives takes.
        const testDrive = await em.findOne(TestDrive, { where: { id, dealId: deal.id }, relations: { vehicle: true } });
        if (!testDrive) throw notFound(id);
        const changes = changesOf(testDrive, dto);
        const next = { ...testDrive, ...Object.fromEntries(Object.entries(changes).map(([field, { to }]) => [field, to])) } as TestDrive;
        if (changes.startsAt || changes.endsAt) slotOf(next.startsAt.toISOString(), next.endsAt.toISOString());
        if (next.status === 'done' && !next.licenceChecked) {
          throw new UnprocessableEntityException("Check the customer's driving licence (licenceChecked: true) before marking the test drive done");
        }
        const wasLive = testDrive.status !== 'cancelled';
        const isLive = next.status !== 'cancelled';
        if (isLive && (!wasLive || changes.startsAt || changes.endsAt)) {
          assertOpen(deal, 'booking a test drive');
          await this.bookableVehicle(em, testDrive.vehicleId);
          await this.assertSlotFree(em, testDrive.vehicleId, next, deal.id, id);
        }
        await em.update(TestDrive, { id }, { startsAt: next.startsAt, endsAt: next.endsAt, status: next.status, licenceChecked: next.licenceChecked, notes: next.notes });
        const counted = Number(isLive) - Number(wasLive);
        return {
          patch: counted === 0 ? {} : { testDriveCount: deal.testDriveCount + counted },
          type: 'deal.test_drive_updated',
          data: {
            testDriveId: id,
            vehicle: vehicleRef(testDrive.vehicle!),
            startsAt: next.startsAt.toISOString(),
            endsAt: next.endsAt.toISOString(),
            status: next.status,
            licenceChecked: next.licenceChecked,
            changes: Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, { from: isoIfDate(change.from), to: isoIfDate(change.to) }])),
          },
        };
      }),
    );
    return this.get(id);
  }

  private async get(id: string): Promise<TestDriveDto> {
    const testDrive = await this.dataSource.getRepository(TestDrive).findOne({ where: { id }, relations: TEST_DRIVE_RELATIONS });
    if (!testDrive) throw notFound(id);
    return toTestDriveDto(testDrive);
  }

  /** Locked until commit, so bookings of one vehicle take turns (and a sale waits for them). */
  private async bookableVehicle(em: EntityManager, vehicleId: string): Promise<Vehicle> {
    const vehicle = await em.findOne(Vehicle, { where: { id: vehicleId }, lock: { mode: 'for_no_key_update' } });
    if (!vehicle) throw new UnprocessableEntityException(`vehicleId ${vehicleId} is not a vehicle in stock`);
    if (vehicle.status === 'sold') throw new ConflictException(`The ${describeVehicle(vehicle)} is sold; choose another vehicle for the test drive`);
    return vehicle;
  }

  private async assertSlotFree(em: EntityManager, vehicleId: string, slot: Slot, dealId: string, exceptId: string | null): Promise<void> {
    const clash = await this.clash(em, vehicleId, slot, dealId, exceptId);
    if (clash) throw clash;
  }

  /**
   * Runs a booking; should the exclusion constraint still refuse it (a writer that did not lock
   * the vehicle), the transaction is gone, so the clashing slot is looked up afterwards.
   */
  private async booking<T>(vehicleId: string, slot: Slot, dealId: string, exceptId: string | null, book: () => Promise<T>): Promise<T> {
    try {
      return await book();
    } catch (error) {
      if (!(error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23P01')) throw error;
      throw (
        (await this.clash(this.dataSource.manager, vehicleId, slot, dealId, exceptId)) ??
        new ConflictException('The vehicle was booked for an overlapping time at the same moment; reload the test drives and choose another time')
      );
    }
  }

  /** The 409 naming the live slot of the vehicle that overlaps `slot`, if there is one. */
  private async clash(em: EntityManager, vehicleId: string, slot: Slot, dealId: string, exceptId: string | null): Promise<ConflictException | null> {
    const [row]: { id: string; starts_at: Date; ends_at: Date; deal_id: string; code: string; make: string; model: string }[] = await em.query(
      `SELECT t.id, t.starts_at, t.ends_at, d.id AS deal_id, d.code, v.make, v.model
         FROM test_drive t JOIN deal d ON d.id = t.deal_id JOIN vehicle v ON v.id = t.vehicle_id
        WHERE t.vehicle_id = $1 AND t.status <> 'cancelled'
          AND tstzrange(t.starts_at, t.ends_at) && tstzrange($2::timestamptz, $3::timestamptz)
          AND ($4::uuid IS NULL OR t.id <> $4::uuid)
        ORDER BY t.starts_at LIMIT 1`,
      [vehicleId, slot.startsAt, slot.endsAt, exceptId],
    );
    if (!row) return null;
    const forDeal = row.deal_id === dealId ? `this deal (${row.code})` : `deal ${row.code}`;
    return new ConflictException({
      statusCode: 409,
      error: 'Conflict',
      message: `The ${row.make} ${row.model} is already booked ${describeSlot(new Date(row.starts_at), new Date(row.ends_at))} for ${forDeal}; choose another time or vehicle`,
      clash: { testDriveId: row.id, dealId: row.deal_id, dealCode: row.code, startsAt: new Date(row.starts_at).toISOString(), endsAt: new Date(row.ends_at).toISOString() },
    });
  }
}

/** 422 for an end not after the start, or a slot longer than a day. */
function slotOf(startsAt: string, endsAt: string): Slot {
  const slot = { startsAt: new Date(startsAt), endsAt: new Date(endsAt) };
  const length = slot.endsAt.getTime() - slot.startsAt.getTime();
  if (length <= 0) throw new UnprocessableEntityException('endsAt must be after startsAt');
  if (length > MAX_SLOT_HOURS * HOUR_MS) {
    throw new UnprocessableEntityException(`A test drive lasts at most ${MAX_SLOT_HOURS} hours; this one would last ${Math.round(length / HOUR_MS)} hours: check the dates`);
  }
  return slot;
}

/** "14:00–15:00 UTC on 26 Nov", or "from 26 Nov 23:00 to 27 Nov 01:00 UTC" across midnight. */
function describeSlot(startsAt: Date, endsAt: Date): string {
  return day.format(startsAt) === day.format(endsAt)
    ? `${time.format(startsAt)}–${time.format(endsAt)} UTC on ${day.format(startsAt)}`
    : `from ${day.format(startsAt)} ${time.format(startsAt)} to ${day.format(endsAt)} ${time.format(endsAt)} UTC`;
}

function vehicleRef(vehicle: Vehicle) {
  return { id: vehicle.id, make: vehicle.make, model: vehicle.model, year: vehicle.year, vin: vehicle.vin };
}

const FIELDS = ['startsAt', 'endsAt', 'licenceChecked', 'status', 'notes'] as const;

function changesOf(testDrive: TestDrive, dto: UpdateTestDriveDto): Partial<Record<(typeof FIELDS)[number], { from: unknown; to: unknown }>> {
  const changes: Partial<Record<(typeof FIELDS)[number], { from: unknown; to: unknown }>> = {};
  for (const field of FIELDS) {
    const given = dto[field];
    if (given === undefined) continue;
    const from = testDrive[field];
    const to = field === 'startsAt' || field === 'endsAt' ? new Date(given as string) : field === 'notes' && given === '' ? null : given;
    const same = from instanceof Date && to instanceof Date ? from.getTime() === to.getTime() : from === to;
    if (!same) changes[field] = { from, to };
  }
  return changes;
}

function isoIfDate(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

function notFound(id: string): NotFoundException {
  return new NotFoundException(`Test drive ${id} does not exist`);
}
