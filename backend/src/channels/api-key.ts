import { createHash, randomBytes } from 'node:crypto';

/** Keys look like `af_<43 url-safe characters>`: 256 random bits, recognisable in logs and secret scanners. */
const KEY_PREFIX = 'af_';
/** How much of a key is kept in clear to tell keys apart in the admin list. */
const SHOWN_LENGTH = 8;

export interface NewApiKey {
  key: string;
  hash: string;
  prefix: string;
}

export function generateApiKey(): NewApiKey {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, hash: hashApiKey(key), prefix: key.slice(0, SHOWN_LENGTH) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
