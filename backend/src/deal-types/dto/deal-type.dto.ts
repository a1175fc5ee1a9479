import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
import { uuid } from '../../common/field-validators.js';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';

const MAX_NAME_LENGTH = 80;

export class CreateDealTypeDto {
  @ApiProperty({ example: 'Fleet request', description: 'Its code (stored on deals) is made from it and never changes' })
  @IsString({ message: 'name must be a string' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(MAX_NAME_LENGTH, { message: `name must be at most ${MAX_NAME_LENGTH} characters` })
  @Trim()
  name: string;
}

export class UpdateDealTypeDto {
  @ApiPropertyOptional({ example: 'Phone-up', description: 'The code stays, so deals keep their type' })
  @Optional()
  @IsString({ message: 'name must be a string' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(MAX_NAME_LENGTH, { message: `name must be at most ${MAX_NAME_LENGTH} characters` })
  @Trim()
  name?: string;

  @ApiPropertyOptional({ example: 1, description: 'Moves the entry there (1 = first); the others shift. Past the end means last.' })
  @Optional()
  @IsInt({ message: 'position must be a whole number' })
  @Min(1, { message: 'position must be 1 or more' })
  position?: number;
}

export class RemoveDealTypeQuery {
  @ApiPropertyOptional({ description: 'The deal type that the deals of the deleted one get' })
  @Optional()
  @uuid('replaceWith')
  replaceWith?: string;
}
