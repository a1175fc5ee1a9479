import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { STAGE_COLOR_PATTERN, STAGE_KINDS, type StageKind } from '@autofunnel/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsObject, IsNotEmpty, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';

const COLOR_MESSAGE = 'color must be a hex colour such as #42a5f5';

export class NewStageDto {
  @ApiProperty({ example: 'Financing' })
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(80)
  @Trim()
  name: string;

  @ApiPropertyOptional({ example: '#42a5f5' })
  @Optional()
  @Matches(STAGE_COLOR_PATTERN, { message: COLOR_MESSAGE })
  color?: string;

  @ApiPropertyOptional({ enum: STAGE_KINDS, description: 'Defaults: first stage unassigned, last won, the rest open' })
  @Optional()
  @IsIn(STAGE_KINDS)
  kind?: StageKind;
}

export class CreateFunnelDto {
  @ApiProperty({ example: 'Used cars' })
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  @Trim()
  name: string;

  @ApiPropertyOptional({ type: [NewStageDto], description: 'All columns left to right; without it, the 8 default stages' })
  @Optional()
  @IsArray()
  @ArrayMinSize(3, { message: 'stages must hold an unassigned stage, at least one open stage and a won stage' })
  @ArrayMaxSize(30)
  @IsObject({ each: true, message: 'each value in stages must be an object with a name' })
  @ValidateNested({ each: true })
  @Type(() => NewStageDto)
  stages?: NewStageDto[];
}

export class RenameFunnelDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  @Trim()
  name: string;
}

export class CreateStageDto extends PickType(NewStageDto, ['name', 'color'] as const) {
  @ApiPropertyOptional({ description: 'Insert right after this stage; default: just before the won stage' })
  @Optional()
  @IsUUID('all', { message: 'afterStageId must be a stage id (UUID)' })
  afterStageId?: string;
}

/** Rename and/or recolour; null is refused like any other wrong value. */
export class UpdateStageDto extends PartialType(PickType(NewStageDto, ['name', 'color'] as const), { skipNullProperties: false }) {}

export class ReorderStagesDto {
  @ApiProperty({ type: [String], description: 'Every stage id of the funnel, in the new order' })
  @IsArray()
  @ArrayUnique({ message: 'stageIds must not repeat a stage' })
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true, message: 'each value in stageIds must be a stage id (UUID)' })
  stageIds: string[];
}

export class DeleteStageQuery {
  @ApiPropertyOptional({ description: 'Stage of the same funnel that receives the deals of the deleted one' })
  @Optional()
  @IsUUID('all', { message: 'moveDealsTo must be a stage id (UUID)' })
  moveDealsTo?: string;
}
