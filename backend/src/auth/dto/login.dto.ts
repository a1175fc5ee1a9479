import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../common/trim.js';

export class LoginDto {
  @ApiProperty({ example: 'anna@demo.local' })
  @IsEmail({}, { message: 'email must be an email address' })
  @Trim()
  email: string;

  @ApiProperty({ example: 'demo1234' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}
