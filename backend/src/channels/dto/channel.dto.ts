import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { CHANNEL_KINDS, type ChannelKind } from '@autofunnel/shared';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';

export class CreateChannelDto {
  @ApiProperty({ example: 'Website: test-drive form' })
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  @Trim()
  name: string;

  @ApiProperty({ enum: CHANNEL_KINDS })
  @IsIn(CHANNEL_KINDS, { message: `kind must be one of ${CHANNEL_KINDS.join(', ')}` })
  kind: ChannelKind;

  @ApiProperty({ description: 'New deals from this channel enter this funnel' })
  @IsUUID('all', { message: 'funnelId must be an id (UUID)' })
  funnelId: string;

  @ApiPropertyOptional({ description: 'Filled in as the source of its deals' })
  @Optional()
  @IsUUID('all', { message: 'sourceId must be an id (UUID)' })
  sourceId?: string;

  @ApiPropertyOptional({ nullable: true, description: 'The branch that receives its requests (their deals get it); none when absent or null' })
  @Optional()
  @ValidateIf((_dto, value) => value !== null)
  @IsUUID('all', { message: 'branchId must be an id (UUID) or null' })
  branchId?: string | null;

  @ApiPropertyOptional({ default: true, description: "Add a repeat customer's request to their open deal instead of opening another" })
  @Optional()
  @IsBoolean()
  mergeRepeatRequests?: boolean;

  @ApiPropertyOptional({ default: 120 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  rateLimitPerMinute?: number;
}

export class UpdateChannelDto extends PartialType(OmitType(CreateChannelDto, ['sourceId'] as const)) {
  @ApiPropertyOptional({ nullable: true })
  @Optional()
  @ValidateIf((_dto, value) => value !== null)
  @IsUUID('all', { message: 'sourceId must be an id (UUID) or null' })
  sourceId?: string | null;

  @ApiPropertyOptional({ description: 'A switched-off channel is refused with 403' })
  @Optional()
  @IsBoolean()
  active?: boolean;
}
