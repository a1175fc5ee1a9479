import type { Role } from '@autofunnel/shared';

/** The caller of a request, as loaded by AuthGuard. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  branchId: string | null;
}

export interface JwtPayload {
  sub: string;
  /** The user's session epoch when signed (missing in tokens from before epochs: 0). */
  ep?: number;
}
