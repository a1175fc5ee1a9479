import type { TestDriveStatus } from '@autofunnel/shared';
import { Check, Column, CreateDateColumn, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Deal } from '../deals/deal.entity.js';
import { Vehicle } from '../stock/vehicle.entity.js';
import { User } from '../users/user.entity.js';

/**
 * A test drive of a stock vehicle. The exclusion constraint makes double booking impossible
 * even for concurrent requests: two live slots of one vehicle never overlap.
 */
@Entity('test_drive')
@Check('ck_test_drive_status', `status IN ('scheduled', 'done', 'cancelled')`)
@Check('ck_test_drive_slot', `ends_at > starts_at`)
@Exclusion('xc_test_drive_vehicle_slot', `USING gist ("vehicle_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE (status <> 'cancelled')`)
@Index('ix_test_drive_deal', ['dealId', 'startsAt'])
export class TestDrive {
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

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ name: 'licence_checked', type: 'boolean', default: false })
  licenceChecked: boolean;

  @Column({ type: 'varchar', length: 10, default: 'scheduled' })
  status: TestDriveStatus;

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
