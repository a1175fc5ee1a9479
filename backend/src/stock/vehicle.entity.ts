import type { VehicleStatus } from '@autofunnel/shared';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numberTransformer } from '../database/columns.js';

/** A vehicle in stock. The VIN is stored normalised (upper case, no spaces) and unique. */
@Entity('vehicle')
@Check('ck_vehicle_status', `status IN ('in_stock', 'reserved', 'sold')`)
@Check('ck_vehicle_price', `price >= 0`)
@Check('ck_vehicle_mileage', `mileage >= 0`)
@Index('ix_vehicle_status_make', ['status', 'make', 'model'])
export class Vehicle {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 17, unique: true })
  vin: string;

  @Column({ type: 'varchar', length: 60 })
  make: string;

  @Column({ type: 'varchar', length: 80 })
  model: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'integer', default: 0 })
  mileage: number;

  @Column({ type: 'varchar', length: 40, nullable: true })
  colour: string | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: numberTransformer })
  price: number;

  @Column({ type: 'varchar', length: 10, default: 'in_stock' })
  status: VehicleStatus;

  /** PATCH compares it to refuse stale writes. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
