import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@autofunnel/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { uuid } from '../../common/field-validators.js';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../passwords.js';

const MAX_OPEN_DEALS_CAP = 10_000;

/** A password field: at least MIN_PASSWORD_LENGTH characters, named in the message. */
export const IsPassword = (field: string) =>
  applyDecorators(
    IsString({ message: `${field} must be a string` }),
    MinLength(MIN_PASSWORD_LENGTH, { message: `${field} must be at least ${MIN_PASSWORD_LENGTH} characters` }),
    MaxLength(MAX_PASSWORD_LENGTH, { message: `${field} must be at most ${MAX_PASSWORD_LENGTH} characters` }),
  );

/** A person's display name. */
export const IsPersonName = () =>
  applyDecorators(
    IsString({ message: 'name must be a string' }),
    IsNotEmpty({ message: 'name must not be empty' }),
    MaxLength(120, { message: 'name must be at most 120 characters' }),
    Trim(),
  );

/** Stored and compared lower-cased. */
const IsUserEmail = () =>
  applyDecorators(
    IsEmail({}, { message: 'email must be an email address' }),
    MaxLength(254, { message: 'email must be at most 254 characters' }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
  );

const IsRole = () => IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` });

/** May be null (cleared); absent leaves it as it is. */
const Nullable = () => applyDecorators(Optional(), ValidateIf((_dto, value) => value !== null));

/** Digits only, as the telephony sends them; an empty string clears it. */
const IsPhoneExtension = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? null : value)),
    Nullable(),
    IsString({ message: 'phoneExtension must be a string' }),
    Matches(/^\d{1,16}$/, { message: 'phoneExtension must be 1 to 16 digits' }),
  );

const IsOpenDealsCap = () =>
  applyDecorators(
    Nullable(),
    IsInt({ message: 'maxOpenDeals must be a whole number' }),
    Min(0, { message: 'maxOpenDeals must be 0 or more' }),
    Max(MAX_OPEN_DEALS_CAP, { message: `maxOpenDeals must be at most ${MAX_OPEN_DEALS_CAP}` }),
  );

export class CreateUserDto {
  @ApiProperty({ example: 'maria@dealer.example', description: 'Unique, ignoring case' })
  @IsUserEmail()
  email: string;

  @ApiProperty({ example: 'Maria Gonzalez' })
  @IsPersonName()
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsRole()
  role: Role;

  @ApiPropertyOptional({ nullable: true, description: 'A branch (GET /api/branches)' })
  @Nullable()
  @uuid('branchId')
  branchId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '104', description: 'Matches answered calls to the user; unique among active users' })
  @IsPhoneExtension()
  phoneExtension?: string | null;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, description: 'The first password; tell it to the user' })
  @IsPassword('password')
  password: string;

  @ApiPropertyOptional({ nullable: true, description: 'At most this many open deals through automatic distribution; null = no cap' })
  @IsOpenDealsCap()
  maxOpenDeals?: number | null;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'maria@dealer.example' })
  @Optional()
  @IsUserEmail()
  email?: string;

  @ApiPropertyOptional({ example: 'Maria Gonzalez' })
  @Optional()
  @IsPersonName()
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @Optional()
  @IsRole()
  role?: Role;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @uuid('branchId')
  branchId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '104' })
  @IsPhoneExtension()
  phoneExtension?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOpenDealsCap()
  maxOpenDeals?: number | null;

  @ApiPropertyOptional({ description: 'Receives automatically distributed deals' })
  @Optional()
  @IsBoolean({ message: 'onDuty must be true or false' })
  onDuty?: boolean;
}

export class ResetPasswordDto {
  @ApiPropertyOptional({ minLength: MIN_PASSWORD_LENGTH, description: 'Without one, a temporary password is made and returned once' })
  @Optional()
  @IsPassword('password')
  password?: string;
}

export const USER_LIST_STATUSES = ['active', 'inactive', 'all'] as const;

export class ListUsersQuery {
  @ApiPropertyOptional({
    enum: USER_LIST_STATUSES,
    description: 'Admins only: the admin view (UserAdminDto) of these users. Without it: the active users for pickers, for everyone.',
  })
  @Optional()
  @IsIn(USER_LIST_STATUSES, { message: `status must be one of: ${USER_LIST_STATUSES.join(', ')}` })
  status?: (typeof USER_LIST_STATUSES)[number];
}
