import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsMoney } from '../../common/money.js';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';
import { MAX_MILEAGE, MAX_PRICE } from '../../stock/dto/vehicle.dto.js';
import { IsModelYear, IsVin } from '../../stock/dto/vehicle-fields.js';

/** Fields that may be left out or cleared with null; an empty VIN field of a form means "none". */
const Clearable = () => (target: object, propertyName: string | symbol) => {
  IsOptional()(target, propertyName);
  ValidateIf((_dto, value) => value !== null)(target, propertyName);
};
const emptyAsNull = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? null : value));

export class CreateTradeInDto {
  @ApiProperty({ example: 'Volkswagen' })
  @IsString()
  @IsNotEmpty({ message: 'make must not be empty' })
  @MaxLength(60)
  @Trim()
  make: string;

  @ApiProperty({ example: 'Golf' })
  @IsString()
  @IsNotEmpty({ message: 'model must not be empty' })
  @MaxLength(80)
  @Trim()
  model: string;

  @ApiPropertyOptional({ example: 2016, nullable: true })
  @Clearable()
  @IsModelYear()
  year?: number | null;

  @ApiPropertyOptional({ example: 'WVWZZZAUZGW123456', nullable: true, description: 'Validated like a stock VIN when given' })
  @Clearable()
  @IsVin()
  @emptyAsNull()
  vin?: string | null;

  @ApiPropertyOptional({ example: 98000, nullable: true })
  @Clearable()
  @IsInt({ message: 'mileage must be a whole number' })
  @Min(0, { message: 'mileage must not be negative' })
  @Max(MAX_MILEAGE)
  mileage?: number | null;

  @ApiPropertyOptional({ example: 9500, nullable: true })
  @Clearable()
  @IsMoney()
  @Min(0, { message: 'appraisalValue must not be negative' })
  @Max(MAX_PRICE)
  appraisalValue?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @Clearable()
  @IsString()
  @MaxLength(2000)
  @Trim()
  notes?: string | null;
}

/** Every field optional; make and model cannot be cleared. */
export class UpdateTradeInDto extends CreateTradeInDto {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsNotEmpty({ message: 'make must not be empty' })
  @MaxLength(60)
  @Trim()
  declare make: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsNotEmpty({ message: 'model must not be empty' })
  @MaxLength(80)
  @Trim()
  declare model: string;
}
