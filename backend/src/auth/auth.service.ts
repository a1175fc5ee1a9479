import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginResponse } from '@autofunnel/shared';
import * as argon2 from 'argon2';
import { UsersService } from '../users/users.service.js';
import type { JwtPayload } from './auth-user.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
  ) {}

  async login(email: string, password: string): Promise<LoginResponse> {
    const user = await this.users.findForLogin(email);
    // Same answer for an unknown email and a wrong password: no account probing.
    const valid = user?.active ? await argon2.verify(user.passwordHash, password) : false;
    if (!user || !valid) throw new UnauthorizedException('Wrong email or password');
    const payload: JwtPayload = { sub: user.id };
    return { accessToken: await this.jwt.signAsync(payload), user: this.users.toDto(user) };
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password);
}
