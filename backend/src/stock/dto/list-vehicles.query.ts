import { ApiPropertyOptional } from '@nestjs/swagger';
import { VEHICLE_SORT_FIELDS, VEHICLE_STATUSES, type VehicleSortField, type VehicleStatus } from '@autofunnel/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsString, MaxLength, Min } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { PageQuery } from '../../deals/dto/list-deals.query.js';

export class ListVehiclesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Matches the VIN (whole or its last characters), make or model' })
  @Optional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: VEHICLE_STATUSES })
  @Optional()
  @IsIn(VEHICLE_STATUSES, { message: `status must be one of ${VEHICLE_STATUSES.join(', ')}` })
  status?: VehicleStatus;

  @ApiPropertyOptional({ description: 'One make, case-insensitive' })
  @Optional()
  @IsString()
  @MaxLength(60)
  make?: string;

  @ApiPropertyOptional()
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'yearFrom must be a year' })
  yearFrom?: number;

  @ApiPropertyOptional()
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'yearTo must be a year' })
  yearTo?: number;

  @ApiPropertyOptional()
  @Optional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'priceFrom must be a number' })
  @Min(0)
  priceFrom?: number;

  @ApiPropertyOptional()
  @Optional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'priceTo must be a number' })
  @Min(0)
  priceTo?: number;

  @ApiPropertyOptional({ enum: VEHICLE_SORT_FIELDS, default: 'createdAt' })
  @Optional()
  @IsIn(VEHICLE_SORT_FIELDS, { message: `sort must be one of ${VEHICLE_SORT_FIELDS.join(', ')}` })
  sort?: VehicleSortField;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @Optional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}
