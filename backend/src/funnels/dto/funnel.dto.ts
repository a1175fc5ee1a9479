import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { DISTRIBUTION_MODES, STAGE_COLOR_PATTERN, STAGE_KINDS, STAGE_REQUIREMENTS, type DistributionMode, type StageKind, type StageRequirement } from '@autofunnel/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsObject, IsNotEmpty, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested,
} from 'class-validator';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';

const COLOR_MESSAGE = 'color must be a hex colour such as #42a5f5';
/** A week: an SLA longer than that is no speed-to-lead target. */
const MAX_SLA_MINUTES = 10_080;
/** Ten years: longer is the same as never rotting. */
const MAX_ROT_DAYS = 3_650;

/** A whole number of minutes from 1 up, or null (no SLA), refused with a message naming the field. */
function SlaMinutes(field: string): PropertyDecorator {
  return (target, key) => {
    Optional()(target, key);
    ValidateIf((_dto, value) => value !== null)(target, key);
    IsInt({ message: `${field} must be a whole number of minutes, or null for none` })(target, key);
    Min(1, { message: `${field} must be 1 minute or more, or null for none` })(target, key);
    Max(MAX_SLA_MINUTES, { message: `${field} must be at most ${MAX_SLA_MINUTES} minutes (a week)` })(target, key);
  };
}

/** A funnel's distribution and speed-to-lead settings; each may be left out. */
export class FunnelSettingsDto {
  @ApiPropertyOptional({ enum: DISTRIBUTION_MODES, description: 'How new unassigned deals get a responsible' })
  @Optional()
  @IsIn(DISTRIBUTION_MODES, { message: `distribution must be one of: ${DISTRIBUTION_MODES.join(', ')}` })
  distribution?: DistributionMode;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: MAX_SLA_MINUTES, description: 'Minutes untaken before the card turns amber; null = none' })
  @SlaMinutes('slaWarnMinutes')
  slaWarnMinutes?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: MAX_SLA_MINUTES,
    description: 'Minutes untaken before the deal is escalated to the team lead; must exceed slaWarnMinutes when both are set; null = none',
  })
  @SlaMinutes('slaEscalateMinutes')
  slaEscalateMinutes?: number | null;
}

/** A stage's rules; each may be left out. */
export class StageRulesDto {
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 100, description: 'Chance (%) a deal here is won; null = none' })
  @Optional()
  @ValidateIf((_dto, value) => value !== null)
  @IsInt({ message: 'winProbability must be a whole percentage from 0 to 100, or null for none' })
  @Min(0, { message: 'winProbability must be a whole percentage from 0 to 100, or null for none' })
  @Max(100, { message: 'winProbability must be a whole percentage from 0 to 100, or null for none' })
  winProbability?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: MAX_ROT_DAYS, description: 'Days without activity after which an open deal here is rotten; null = never' })
  @Optional()
  @ValidateIf((_dto, value) => value !== null)
  @IsInt({ message: 'rotAfterDays must be a whole number of days, or null for never' })
  @Min(1, { message: 'rotAfterDays must be 1 day or more, or null for never' })
  @Max(MAX_ROT_DAYS, { message: `rotAfterDays must be at most ${MAX_ROT_DAYS} days` })
  rotAfterDays?: number | null;

  @ApiPropertyOptional({ enum: STAGE_REQUIREMENTS, isArray: true, description: 'What a deal must have to be moved (or won) into this stage; [] = nothing' })
  @Optional()
  @IsArray({ message: 'requiredFields must be a list (an empty one for none)' })
  @ArrayUnique({ message: 'requiredFields must not repeat a requirement' })
  @IsIn(STAGE_REQUIREMENTS, { each: true, message: `each value in requiredFields must be one of: ${STAGE_REQUIREMENTS.join(', ')}` })
  requiredFields?: StageRequirement[];
}

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

export class CreateFunnelDto extends FunnelSettingsDto {
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

/** Rename and/or change the settings. */
export class UpdateFunnelDto extends FunnelSettingsDto {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  @Trim()
  name?: string;
}

export class CreateStageDto extends IntersectionType(PickType(NewStageDto, ['name', 'color'] as const), StageRulesDto) {
  @ApiPropertyOptional({ description: 'Insert right after this stage; default: just before the won stage' })
  @Optional()
  @IsUUID('all', { message: 'afterStageId must be a stage id (UUID)' })
  afterStageId?: string;
}

/** Rename, recolour and/or change the rules; a null name or colour is refused like any other wrong value. */
export class UpdateStageDto extends IntersectionType(PartialType(PickType(NewStageDto, ['name', 'color'] as const), { skipNullProperties: false }), StageRulesDto) {}

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
