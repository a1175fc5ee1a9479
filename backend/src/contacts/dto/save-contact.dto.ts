import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { CONTACT_KINDS, type ContactKind } from '@autofunnel/shared';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class CreateContactDto {
  @ApiProperty({ example: 'Van Dijk Logistics B.V.' })
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ enum: CONTACT_KINDS, default: 'person' })
  @IsOptional()
  @IsIn(CONTACT_KINDS)
  kind?: ContactKind;

  @ApiPropertyOptional({ type: [String], example: ['+31 20 123 4567'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  phones?: string[];

  @ApiPropertyOptional({ type: [String], example: ['info@vandijk.example'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEmail({}, { each: true, message: 'each value in emails must be an email address' })
  @MaxLength(254, { each: true })
  emails?: string[];
}

export class UpdateContactDto extends PartialType(CreateContactDto) {}
