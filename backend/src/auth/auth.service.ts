import { ForbiddenException, Injectable, UnauthorizedException, UnprocessableEntityException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LoginResponse } from '@autofunnel/shared';
import { DataSource } from 'typeorm';
import { verifyPassword } from '../users/passwords.js';
import { UsersService } from '../users/users.service.js';
import type { JwtPayload } from './auth-user.js';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly jwt: JwtService,
  ) {}

  async login(email: string, password: string): Promise<LoginResponse> {
    const user = await this.users.findForLogin(email);
    // Same answer for an unknown email and a wrong password: no account probing.
    const valid = user?.active ? await verifyPassword(user.passwordHash, password) : false;
    if (!user || !valid) throw new UnauthorizedException('Wrong email or password');
    return { accessToken: await this.sign(user.id, user.sessionEpoch), user: this.users.toDto(user) };
  }

  /**
   * The signed-in user's new password. Every token signed before stops working (other devices
   * are signed out); the answer carries a fresh token, so this device stays signed in.
   */
  async changeOwnPassword(userId: string, currentPassword: string, newPassword: string): Promise<{ accessToken: string }> {
    const epoch = await this.dataSource.transaction(async (em) => {
      const user = await this.users.lockWithPassword(em, userId);
      // 403, not 401: the session is fine, only this form's answer is wrong.
      if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new ForbiddenException('Your current password is not correct');
      if (newPassword === currentPassword) throw new UnprocessableEntityException('newPassword must differ from your current password');
      return this.users.setPassword(em, userId, newPassword);
    });
    return { accessToken: await this.sign(userId, epoch) };
  }

  private sign(userId: string, epoch: number): Promise<string> {
    const payload: JwtPayload = { sub: userId, ep: epoch };
    return this.jwt.signAsync(payload);
  }
}
