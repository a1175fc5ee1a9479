import * as argon2 from 'argon2';
import { randomInt } from 'node:crypto';

/** The shortest password a person may choose (or an admin may set). */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password);
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password);
}

/** No 0/o, 1/l/i: the password is read off a screen and typed in, or told over the phone. */
const READABLE = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A temporary password like `k7dm-x2qp-9fwa`: about 59 bits of randomness, easy to read and type. */
export function temporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => READABLE[randomInt(READABLE.length)]).join('');
  return [group(), group(), group()].join('-');
}
