import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@autofunnel/shared';
import type { Request } from 'express';
import { UsersService } from '../users/users.service.js';
import type { AuthUser, JwtPayload } from './auth-user.js';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './decorators.js';

/**
 * Global guard: every route needs a valid bearer token of an active user (401 otherwise) unless
 * marked @Public(), and the caller's role must be one of @Roles(...) when given (403 otherwise).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    if (context.getType() === 'ws') {
      // Sockets authenticate once, at the handshake (BoardGateway); their messages carry the user.
      return Boolean(context.switchToWs().getClient<{ data?: { user?: AuthUser } }>().data?.user);
    }

    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const user = await this.authenticate(request.headers.authorization);
    request.user = user;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException(`This needs the role ${roles.join(' or ')}; you are signed in as ${user.role}`);
    }
    return true;
  }

  async authenticate(header: string | undefined): Promise<AuthUser> {
    const [scheme, token] = header?.split(' ') ?? [];
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException('Sign in first: send the header Authorization: Bearer <accessToken>');
    }
    let payload: JwtPayload;
    try {
      payload = await this.jwt.verifyAsync<JwtPayload>(token);
    } catch {
      throw new UnauthorizedException('Your session token is invalid or has expired; sign in again');
    }
    const user = await this.users.findActive(payload.sub);
    if (!user) throw new UnauthorizedException('This account no longer exists or was deactivated');
    // A password change or reset, or a deactivation, bumps the epoch: older tokens stop working.
    if ((payload.ep ?? 0) !== user.sessionEpoch) {
      throw new UnauthorizedException('Your password was changed or your session was ended; sign in again');
    }
    return { id: user.id, email: user.email, name: user.name, role: user.role, branchId: user.branchId };
  }
}
