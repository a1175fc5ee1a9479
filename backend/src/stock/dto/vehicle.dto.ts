import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VEHICLE_STATUSES, type VehicleStatus } from '@autofunnel/shared';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsMoney } from '../../common/money.js';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';
import { IsModelYear, IsVin } from './vehicle-fields.js';

/** numeric(12,2) */
export const MAX_PRICE = 9_999_999_999.99;
/** Odometers stop well before this; it keeps the integer column safe. */
export const MAX_MILEAGE = 9_999_999;

export class CreateVehicleDto {
  @ApiProperty({ example: 'TMBJJ7NE8L0123456', description: 'Spaces and dashes are dropped, letters upper-cased' })
  @IsVin()
  vin: string;

  @ApiProperty({ example: 'Skoda' })
  @IsString()
  @IsNotEmpty({ message: 'make must not be empty' })
  @MaxLength(60)
  @Trim()
  make: string;

  @ApiProperty({ example: 'Octavia Combi' })
  @IsString()
  @IsNotEmpty({ message: 'model must not be empty' })
  @MaxLength(80)
  @Trim()
  model: string;

  @ApiProperty({ example: 2021 })
  @IsModelYear()
  year: number;

  @ApiPropertyOptional({ example: 42000, default: 0 })
  @Optional()
  @IsInt({ message: 'mileage must be a whole number' })
  @Min(0, { message: 'mileage must not be negative' })
  @Max(MAX_MILEAGE)
  mileage?: number;

  @ApiPropertyOptional({ example: 'Moon white' })
  @Optional()
  @IsString()
  @MaxLength(40)
  @Trim()
  colour?: string;

  @ApiProperty({ example: 23950 })
  @IsMoney()
  @Min(0, { message: 'price must not be negative' })
  @Max(MAX_PRICE)
  price: number;

  @ApiPropertyOptional({ enum: VEHICLE_STATUSES, default: 'in_stock' })
  @Optional()
  @IsIn(VEHICLE_STATUSES, { message: `status must be one of ${VEHICLE_STATUSES.join(', ')}` })
  status?: VehicleStatus;
}

export class UpdateVehicleDto {
  @ApiProperty({ description: 'The version you last saw; 409 when someone changed the vehicle since' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @Optional()
  @IsVin()
  vin?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsNotEmpty({ message: 'make must not be empty' })
  @MaxLength(60)
  @Trim()
  make?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsNotEmpty({ message: 'model must not be empty' })
  @MaxLength(80)
  @Trim()
  model?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsModelYear()
  year?: number;

  @ApiPropertyOptional()
  @Optional()
  @IsInt({ message: 'mileage must be a whole number' })
  @Min(0, { message: 'mileage must not be negative' })
  @Max(MAX_MILEAGE)
  mileage?: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @IsString()
  @MaxLength(40)
  @Trim()
  colour?: string | null;

  @ApiPropertyOptional()
  @Optional()
  @IsMoney()
  @Min(0, { message: 'price must not be negative' })
  @Max(MAX_PRICE)
  price?: number;

  @ApiPropertyOptional({ enum: VEHICLE_STATUSES })
  @Optional()
  @IsIn(VEHICLE_STATUSES, { message: `status must be one of ${VEHICLE_STATUSES.join(', ')}` })
  status?: VehicleStatus;
}
