import { BadRequestException } from '@nestjs/common';

/** Opaque keyset cursors: base64url JSON of the last row's sort values. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length && values.every((value) => typeof value === 'string')) return values;
  } catch {
    // falls through to the error below
  }
  throw new BadRequestException('cursor is not one this API handed out; start again without it');
}
