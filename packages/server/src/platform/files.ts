/**
 * The file store: content-addressed files (a file's name is the SHA-256 of its bytes), so the same
 * bytes are stored once and a stored file never changes (deliveries reference it as it was sent).
 * It lives at FILES_DIR (default DATA_DIR/files); several servers share one FILES_DIR (e.g. an NFS
 * mount) as they share one DATABASE_URL. A small interface, so an S3-compatible store can replace
 * the folder. Metadata (stored_files rows) lives in the database; backups carry both.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.ts';

export interface FileStorage {
  /** Stores the bytes (if not there already) and returns their SHA-256. */
  put(bytes: Buffer): Promise<string>;
  /** The stored bytes; throws StoredFileMissing when the store has no such file. */
  get(sha256: string): Promise<Buffer>;
}

/** The store has no file under this name: lost from disk, or never copied to this server's store. */
export class StoredFileMissing extends Error {
  constructor(readonly sha256: string) {
    super(`file ${sha256} is missing from the file store`);
    this.name = 'StoredFileMissing';
  }
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const isSha256 = (s: string) => /^[0-9a-f]{64}$/.test(s);

export class LocalFileStorage implements FileStorage {
  constructor(readonly root: string) {}

  private pathOf(sha: string): string {
    if (!isSha256(sha)) throw new Error('invalid file id');
    return path.join(this.root, sha.slice(0, 2), sha);
  }

  async put(bytes: Buffer): Promise<string> {
    const sha = sha256Of(bytes);
    const target = this.pathOf(sha);
    try {
      await fs.access(target);
      return sha;
    } catch {
      // not stored yet
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Write aside and rename: a reader (another server on the shared store) never sees half a file.
    const tmp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    await fs.writeFile(tmp, bytes, { flag: 'wx' });
    await fs.rename(tmp, target);
    return sha;
  }

  async get(sha: string): Promise<Buffer> {
    try {
      return await fs.readFile(this.pathOf(sha));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredFileMissing(sha);
      throw err;
    }
  }
}

/** The configured store (FILES_DIR). */
export function fileStorageFor(config: Pick<Config, 'filesDir'>): FileStorage {
  return new LocalFileStorage(config.filesDir);
}
