import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AppEnvironment } from '../config/env.js';
import { DATA_ROOT } from '../database/embedded-postgres.js';

/**
 * The bytes of deal documents, as files under DOCUMENTS_DIR. Keys are `yyyy/mm/<uuid>`, made
 * here and never from the client's file name, so no upload can reach outside the folder; the
 * month folders keep any one directory from growing without bound.
 */
@Injectable()
export class DocumentStorage {
  constructor(private readonly config: ConfigService<AppEnvironment, true>) {}

  /** Writes a new file and returns its key. */
  async write(content: Buffer): Promise<string> {
    const now = new Date();
    const key = [String(now.getUTCFullYear()), String(now.getUTCMonth() + 1).padStart(2, '0'), randomUUID()].join('/');
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content, { flag: 'wx' });
    return key;
  }

  /** The file and its size on disk, or null when it is no longer there. */
  async open(key: string): Promise<{ stream: ReadStream; size: number } | null> {
    const file = this.pathOf(key);
    try {
      const { size } = await stat(file);
      return { stream: createReadStream(file), size };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /** Removes the file; one already gone is fine. */
  async remove(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }

  /** Read on every use (not at start-up), so tests can point it at a folder of their own. */
  private pathOf(key: string): string {
    const root = this.config.get('DOCUMENTS_DIR', { infer: true }) || path.join(DATA_ROOT, 'documents');
    return path.resolve(root, key);
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}
