import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../../common/optional.js';

export class QuickSearchQuery {
  @ApiProperty({ description: 'A name, deal code (D-1042, 1042), phone in any format or part of one, or email', example: 'D-1042' })
  @IsString()
  @MaxLength(200)
  q: string;

  @ApiPropertyOptional({ default: 8, maximum: 50, description: 'Most contacts and most deals answered (each)' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}
