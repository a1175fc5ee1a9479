import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsMoney } from '../../common/money.js';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';
import { MAX_PRICE } from '../../stock/dto/vehicle.dto.js';

export class CreateOfferDto {
  @ApiProperty()
  @IsUUID('all', { message: 'vehicleId must be an id (UUID)' })
  vehicleId: string;

  @ApiPropertyOptional({ example: 23950, description: "Defaults to the vehicle's price" })
  @Optional()
  @IsMoney()
  @Min(0, { message: 'price must not be negative' })
  @Max(MAX_PRICE)
  price?: number;

  @ApiPropertyOptional({ example: 500, default: 0, description: 'At most the price' })
  @Optional()
  @IsMoney()
  @Min(0, { message: 'discount must not be negative' })
  @Max(MAX_PRICE)
  discount?: number;

  @ApiPropertyOptional({ example: '2026-12-15', description: 'A date (valid through its end, UTC) or an ISO-8601 date-time' })
  @Optional()
  @Matches(/^\d{4}-\d{2}-\d{2}(T.+)?$/, { message: 'validUntil must be a date (YYYY-MM-DD) or an ISO-8601 date-time' })
  @IsISO8601({ strict: true }, { message: 'validUntil must be a date (YYYY-MM-DD) or an ISO-8601 date-time' })
  validUntil?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(2000)
  @Trim()
  notes?: string;
}
