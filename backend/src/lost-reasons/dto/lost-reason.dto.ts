import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
import { uuid } from '../../common/field-validators.js';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';

/** As long as a deal's `lostReason`, which keeps the name when the entry is renamed or deleted. */
const MAX_NAME_LENGTH = 200;

export class CreateLostReasonDto {
  @ApiProperty({ example: 'Bought elsewhere' })
  @IsString({ message: 'name must be a string' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(MAX_NAME_LENGTH, { message: `name must be at most ${MAX_NAME_LENGTH} characters` })
  @Trim()
  name: string;
}

export class UpdateLostReasonDto {
  @ApiPropertyOptional({ example: 'Bought elsewhere' })
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

export class RemoveLostReasonQuery {
  @ApiPropertyOptional({ description: 'The reason that lost deals giving the deleted one get instead' })
  @Optional()
  @uuid('replaceWith')
  replaceWith?: string;
}
