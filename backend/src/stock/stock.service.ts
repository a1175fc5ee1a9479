import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normalizeVin, type DealStatus, type VehicleDealRef, type VehicleDto, type VehicleListPage, type VehicleSortField, type VehicleWithDealsDto } from '@autofunnel/shared';
import { DataSource, In, QueryFailedError, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { likePattern } from '../contacts/contact-search.js';
import { visibleDealsCondition } from '../deals/deal-visibility.js';
import type { CreateVehicleDto, UpdateVehicleDto } from './dto/vehicle.dto.js';
import type { ListVehiclesQuery } from './dto/list-vehicles.query.js';
import { describeVehicle, toVehicleDto } from './vehicle.mapper.js';
import { Vehicle } from './vehicle.entity.js';

const DEFAULT_LIMIT = 50;

/** SQL for each sortable field; the cursor stores its text form, so no precision is lost. */
const SORT_EXPRESSIONS: Record<VehicleSortField, string> = {
  createdAt: 'v.created_at',
  price: 'v.price',
  year: 'v.year',
  mileage: 'v.mileage',
};
const SORT_CASTS: Record<VehicleSortField, string> = {
  createdAt: 'timestamptz',
  price: 'numeric',
  year: 'integer',
  mileage: 'integer',
};

/** What a VIN (or its last characters) can consist of once normalised. */
const VIN_CHARACTERS = /^[A-HJ-NPR-Z0-9]+$/;

/** The dealership's stock: vehicles, offered and test-driven on deals. */
@Injectable()
export class StockService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Filters, a sort, keyset pagination and the total that matches. */
  async list(query: ListVehiclesQuery): Promise<VehicleListPage> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const sort = query.sort ?? 'createdAt';
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    const expression = SORT_EXPRESSIONS[sort];

    const filtered = this.filtered(query);
    const total = await filtered.clone().getCount();

    const page = filtered
      .select('v.id', 'id')
      .addSelect(`(${expression})::text`, 'sort_value')
      .orderBy(expression, direction)
      .addOrderBy('v.id', direction)
      .limit(limit + 1);
    if (query.cursor) {
      const [value, id] = decodeCursor(query.cursor, 2).map(String);
      page.andWhere(`(${expression}, v.id) ${direction === 'ASC' ? '>' : '<'} (CAST(:cursorValue AS ${SORT_CASTS[sort]}), CAST(:cursorId AS uuid))`, {
        cursorValue: value,
        cursorId: id,
      });
    }
    const rows = await page.getRawMany<{ id: string; sort_value: string }>();
    const shown = rows.slice(0, limit);
    const vehicles = await this.dataSource.getRepository(Vehicle).findBy({ id: In(shown.map((row) => row.id)) });
    const byId = new Map(vehicles.map((vehicle) => [vehicle.id, vehicle]));
    const items = shown.flatMap((row) => (byId.has(row.id) ? [toVehicleDto(byId.get(row.id)!)] : []));
    const last = shown[shown.length - 1];
    return { items, total, nextCursor: rows.length > limit && last ? encodeCursor([last.sort_value, last.id]) : null };
  }

  /** The vehicle for everyone; of its deals, those the viewer may see. */
  async get(viewer: AuthUser, id: string): Promise<VehicleWithDealsDto> {
    const vehicle = await this.dataSource.getRepository(Vehicle).findOneBy({ id });
    if (!vehicle) throw new NotFoundException(`Vehicle ${id} does not exist`);
    return { ...toVehicleDto(vehicle), deals: await this.dealsOf(viewer, id) };
  }

  /** 409 naming the vehicle that already has the VIN (also when two requests race for it). */
  async create(dto: CreateVehicleDto): Promise<VehicleDto> {
    const repository = this.dataSource.getRepository(Vehicle);
    try {
      const { id } = await repository.save(repository.create({ ...dto, colour: dto.colour || null }));
      return toVehicleDto(await repository.findOneByOrFail({ id }));
    } catch (error) {
      if (isUniqueViolation(error)) throw await this.duplicateVin(this.dataSource.manager, dto.vin);
      throw error;
    }
  }

  /** Refuses (409) a stale `version`, and a VIN another vehicle has. */
  async update(id: string, dto: UpdateVehicleDto): Promise<VehicleDto> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const vehicle = await em.findOne(Vehicle, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!vehicle) throw new NotFoundException(`Vehicle ${id} does not exist`);
        if (vehicle.version !== dto.version) {
          throw new ConflictException({
            statusCode: 409,
            error: 'Conflict',
            message: `Someone changed this vehicle meanwhile (it is now at version ${vehicle.version}); reload it and try again`,
            currentVersion: vehicle.version,
          });
        }
        const { version: _version, ...fields } = dto;
        if (fields.colour === '') fields.colour = null;
        // Saving what is already there is no change: the version stays, so nobody else's edit turns stale.
        const changed = (Object.keys(fields) as (keyof typeof fields)[]).some((field) => fields[field] !== undefined && fields[field] !== vehicle[field]);
        if (!changed) return toVehicleDto(vehicle);
        await em.update(Vehicle, { id }, { ...fields, version: () => 'version + 1' });
        return toVehicleDto(await em.findOneByOrFail(Vehicle, { id }));
      });
    } catch (error) {
      if (isUniqueViolation(error) && dto.vin) throw await this.duplicateVin(this.dataSource.manager, dto.vin);
      throw error;
    }
  }

  /** A vehicle that offers or test drives name stays: it is part of those deals' history. */
  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      // Offers and test drives lock the vehicle too, so none can be added between the check and the delete.
      const vehicle = await em.findOne(Vehicle, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!vehicle) throw new NotFoundException(`Vehicle ${id} does not exist`);
      const [usage]: { offers: number; test_drives: number }[] = await em.query(
        `SELECT (SELECT count(*)::int FROM offer WHERE vehicle_id = $1) AS offers,
                (SELECT count(*)::int FROM test_drive WHERE vehicle_id = $1) AS test_drives`,
        [id],
      );
      if (usage.offers > 0 || usage.test_drives > 0) {
        const uses = [plural(usage.offers, 'offer'), plural(usage.test_drives, 'test drive')].filter(Boolean).join(' and ');
        throw new ConflictException(`The ${describeVehicle(vehicle)} is named in ${uses}, so it cannot be deleted; mark it sold instead`);
      }
      await em.delete(Vehicle, { id });
    });
  }

  /** The deals the vehicle is in through offers and test drives (trashed deals and those the viewer may not see left out), newest first. */
  private async dealsOf(viewer: AuthUser, vehicleId: string): Promise<VehicleDealRef[]> {
    const visible = visibleDealsCondition(viewer, 'd');
    const [sql, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT d.id AS deal_id, d.code, d.title, d.status, u.id AS responsible_id, u.name AS responsible_name, r.via, r.id, r.record_status, r.at
         FROM (SELECT deal_id, 'offer' AS via, id, status AS record_status, created_at AS at FROM offer WHERE vehicle_id = :vehicleId
               UNION ALL
               SELECT deal_id, 'test_drive', id, status, starts_at FROM test_drive WHERE vehicle_id = :vehicleId) r
         JOIN deal d ON d.id = r.deal_id
         LEFT JOIN app_user u ON u.id = d.responsible_id
        WHERE d.trashed_at IS NULL AND ${visible.condition}
        ORDER BY r.at DESC, r.id`,
      { ...visible.parameters, vehicleId },
    );
    const rows: {
      deal_id: string; code: string; title: string; status: DealStatus; responsible_id: string | null; responsible_name: string | null;
      via: 'offer' | 'test_drive'; id: string; record_status: VehicleDealRef['recordStatus']; at: Date;
    }[] = await this.dataSource.query(sql, parameters);
    return rows.map((row) => ({
      dealId: row.deal_id,
      code: row.code,
      title: row.title,
      status: row.status,
      responsible: row.responsible_id ? { id: row.responsible_id, name: row.responsible_name! } : null,
      via: row.via,
      id: row.id,
      recordStatus: row.record_status,
      at: new Date(row.at).toISOString(),
    }));
  }

  private filtered(query: ListVehiclesQuery): SelectQueryBuilder<Vehicle> {
    const builder = this.dataSource.getRepository(Vehicle).createQueryBuilder('v');
    if (query.status) builder.andWhere('v.status = :status', { status: query.status });
    if (query.make?.trim()) builder.andWhere('lower(v.make) = lower(:make)', { make: query.make.trim() });
    if (query.yearFrom !== undefined) builder.andWhere('v.year >= :yearFrom', { yearFrom: query.yearFrom });
    if (query.yearTo !== undefined) builder.andWhere('v.year <= :yearTo', { yearTo: query.yearTo });
    if (query.priceFrom !== undefined) builder.andWhere('v.price >= :priceFrom', { priceFrom: query.priceFrom });
    if (query.priceTo !== undefined) builder.andWhere('v.price <= :priceTo', { priceTo: query.priceTo });
    const q = query.q?.trim();
    if (q) {
      // The whole query as (the end of) a VIN, typed with spaces or not; or else every word
      // found in the make, the model or at the end of the VIN ("octavia 4352").
      const parameters: Record<string, string> = {};
      const vinEnding = (text: string, name: string) => {
        const vin = normalizeVin(text);
        if (!VIN_CHARACTERS.test(vin)) return 'false';
        parameters[name] = `%${vin}`;
        return `v.vin LIKE :${name}`;
      };
      const words = q.split(/\s+/).map((word, index) => {
        parameters[`word${index}`] = likePattern(word);
        return `(af_unaccent(v.make) ILIKE af_unaccent(:word${index}) OR af_unaccent(v.model) ILIKE af_unaccent(:word${index}) OR ${vinEnding(word, `wordVin${index}`)})`;
      });
      builder.andWhere(`(${vinEnding(q, 'wholeVin')} OR (${words.join(' AND ')}))`, parameters);
    }
    return builder;
  }

  private async duplicateVin(em: EntityManager, vin: string): Promise<ConflictException> {
    const existing = await em.findOneBy(Vehicle, { vin });
    return new ConflictException({
      statusCode: 409,
      error: 'Conflict',
      message: existing
        ? `VIN ${vin} already belongs to the ${existing.year} ${existing.make} ${existing.model} (${existing.status.replace('_', ' ')}); open that vehicle instead`
        : `VIN ${vin} is already in stock`,
      field: 'vin',
      vehicle: existing ? toVehicleDto(existing) : null,
    });
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}

function plural(count: number, noun: string): string {
  return count === 0 ? '' : `${count} ${noun}${count === 1 ? '' : 's'}`;
}
