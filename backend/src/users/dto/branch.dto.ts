import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';

export class SaveBranchDto {
  @ApiProperty({ example: 'North showroom', description: 'Unique, ignoring case' })
  @IsString({ message: 'name must be a string' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120, { message: 'name must be at most 120 characters' })
  @Trim()
  name: string;
}

export class ListBranchesQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Admins only: each branch with its user and open deal counts (BranchAdminDto)' })
  @Optional()
  @IsIn(['true', 'false'], { message: 'withCounts must be true or false' })
  withCounts?: 'true' | 'false';
}
