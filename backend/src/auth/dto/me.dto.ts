import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength, MinLength } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { IsPassword, IsPersonName } from '../../users/dto/user.dto.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../users/passwords.js';

export class UpdateMeDto {
  @ApiPropertyOptional({ description: 'Receives automatically distributed deals (managers) while true' })
  @Optional()
  @IsBoolean({ message: 'onDuty must be true or false' })
  onDuty?: boolean;

  @ApiPropertyOptional({ example: 'Anna Smirnova' })
  @Optional()
  @IsPersonName()
  name?: string;
}

export class ChangeOwnPasswordDto {
  @ApiProperty()
  @IsString({ message: 'currentPassword must be a string' })
  @MinLength(1, { message: 'currentPassword must not be empty' })
  @MaxLength(MAX_PASSWORD_LENGTH, { message: `currentPassword must be at most ${MAX_PASSWORD_LENGTH} characters` })
  currentPassword: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsPassword('newPassword')
  newPassword: string;
}
