import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';

export class SaveSourceDto {
  @ApiProperty({ example: 'AutoScout24' })
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  @Trim()
  name: string;
}

export class RemoveSourceQuery {
  @ApiPropertyOptional({ description: 'Where the deals and channels of a source in use go' })
  @Optional()
  @IsUUID('all', { message: 'replaceWith must be the id (UUID) of another source' })
  replaceWith?: string;
}
