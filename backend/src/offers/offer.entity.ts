import type { OfferStatus } from '@autofunnel/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { numberTransformer } from '../database/columns.js';
import { Deal } from '../deals/deal.entity.js';
import { Vehicle } from '../stock/vehicle.entity.js';
import { User } from '../users/user.entity.js';

/** A quote on a stock vehicle for the deal's customer. */
@Entity('offer')
@Check('ck_offer_status', `status IN ('active', 'withdrawn')`)
@Check('ck_offer_amounts', `price >= 0 AND discount >= 0 AND discount <= price`)
@Index('ix_offer_deal', ['dealId', 'createdAt'])
@Index('ix_offer_vehicle', ['vehicleId'])
export class Offer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'deal_id', type: 'uuid' })
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Relation<Deal>;

  @Column({ name: 'vehicle_id', type: 'uuid' })
  vehicleId: string;

  @ManyToOne(() => Vehicle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vehicle_id' })
  vehicle?: Relation<Vehicle>;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: numberTransformer })
  price: number;

  @Column({ type: 'numeric', precision: 12, scale: 2, default: 0, transformer: numberTransformer })
  discount: number;

  @Column({ name: 'valid_until', type: 'timestamptz', nullable: true })
  validUntil: Date | null;

  @Column({ type: 'varchar', length: 10, default: 'active' })
  status: OfferStatus;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
