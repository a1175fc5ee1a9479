import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OfferDto } from '@autofunnel/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Clock } from '../common/clock.js';
import type { Deal } from '../deals/deal.entity.js';
import { DealsService } from '../deals/deals.service.js';
import { describeVehicle } from '../stock/vehicle.mapper.js';
import { Vehicle } from '../stock/vehicle.entity.js';
import type { CreateOfferDto } from './dto/create-offer.dto.js';
import { Offer } from './offer.entity.js';
import { OFFER_RELATIONS, offerTotal, toOfferDto } from './offer.mapper.js';

const amount = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Quotes on stock vehicles. `offerCount` counts a deal's active offers; winning the deal sells
 * the vehicle of its latest active one (`vehicle-sale.ts`).
 */
@Injectable()
export class OffersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deals: DealsService,
    private readonly clock: Clock,
  ) {}

  /** Newest first, withdrawn ones included. */
  async list(viewer: AuthUser, dealId: string): Promise<OfferDto[]> {
    await this.deals.assertVisible(viewer, dealId);
    const offers = await this.dataSource.getRepository(Offer).find({ where: { dealId }, relations: OFFER_RELATIONS, order: { createdAt: 'DESC', id: 'DESC' } });
    return offers.map(toOfferDto);
  }

  async create(caller: AuthUser, dealId: string, dto: CreateOfferDto): Promise<OfferDto> {
    const validUntil = dto.validUntil === undefined ? null : endOfValidity(dto.validUntil);
    if (validUntil && validUntil <= this.clock.now()) throw new UnprocessableEntityException(`validUntil ${dto.validUntil} is in the past; give a later date`);
    let id = '';
    await this.deals.change(caller, dealId, {}, async (em, deal) => {
      assertOpen(deal, 'making an offer');
      // FOR SHARE: a sale (which locks the vehicle FOR UPDATE) waits for this offer, or this offer
      // waits for the sale and then sees the vehicle sold.
      const vehicle = await em.findOne(Vehicle, { where: { id: dto.vehicleId }, lock: { mode: 'pessimistic_read' } });
      if (!vehicle) throw new UnprocessableEntityException(`vehicleId ${dto.vehicleId} is not a vehicle in stock`);
      if (vehicle.status === 'sold') throw new ConflictException(`The ${describeVehicle(vehicle)} is already sold; offer another vehicle`);
      const price = dto.price ?? vehicle.price;
      const discount = dto.discount ?? 0;
      if (discount > price) {
        throw new UnprocessableEntityException(`discount (${amount.format(discount)}) cannot be more than the price (${amount.format(price)})`);
      }
      const offer = await em.save(em.create(Offer, { dealId, vehicleId: vehicle.id, price, discount, validUntil, notes: dto.notes || null, createdById: caller.id }));
      id = offer.id;
      return {
        patch: { offerCount: deal.offerCount + 1 },
        type: 'deal.offer_added',
        data: {
          offerId: id,
          vehicle: { id: vehicle.id, make: vehicle.make, model: vehicle.model, year: vehicle.year, vin: vehicle.vin },
          price,
          discount,
          total: offerTotal({ price, discount }),
          validUntil: validUntil?.toISOString() ?? null,
        },
      };
    });
    return this.get(id);
  }

  /** The offer stays listed as withdrawn; the deal's `offerCount` drops. */
  async withdraw(caller: AuthUser, id: string): Promise<OfferDto> {
    const current = await this.dataSource.getRepository(Offer).findOneBy({ id });
    if (!current) throw notFound(id);
    await this.deals.change(caller, current.dealId, {}, async (em, deal) => {
      // A won deal's sale rests on its offer.
      if (deal.status === 'won') throw new ConflictException('This deal is won; reopen it before withdrawing its offers');
      // Read again under the deal's lock, which every change of its offers takes.
      const offer = await em.findOne(Offer, { where: { id, dealId: deal.id }, relations: { vehicle: true } });
      if (!offer) throw notFound(id);
      if (offer.status === 'withdrawn') throw new ConflictException('This offer is already withdrawn');
      await em.update(Offer, { id }, { status: 'withdrawn' });
      const vehicle = offer.vehicle!;
      return {
        patch: { offerCount: deal.offerCount - 1 },
        type: 'deal.offer_withdrawn',
        data: {
          offerId: id,
          vehicle: { id: vehicle.id, make: vehicle.make, model: vehicle.model, year: vehicle.year, vin: vehicle.vin },
          price: offer.price,
          discount: offer.discount,
          total: offerTotal(offer),
        },
      };
    });
    return this.get(id);
  }

  private async get(id: string): Promise<OfferDto> {
    const offer = await this.dataSource.getRepository(Offer).findOne({ where: { id }, relations: OFFER_RELATIONS });
    if (!offer) throw notFound(id);
    return toOfferDto(offer);
  }
}

function notFound(id: string): NotFoundException {
  return new NotFoundException(`Offer ${id} does not exist`);
}

/** A closed deal takes no new offers or test drives: reopen it first. */
export function assertOpen(deal: Deal, action: string): void {
  if (deal.status !== 'open') throw new ConflictException(`This deal is ${deal.status}; reopen it before ${action}`);
}

/** A date alone means "through that day" (UTC); a date-time is taken as given. */
function endOfValidity(value: string): Date {
  return value.length === 10 ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
}
