/**
 * Content-addressed file storage: a file's name is the SHA-256 of its bytes, so the same bytes are
 * stored once and a stored file never changes (deliveries can reference it as it was sent). A
 * small interface, so an S3-compatible store can replace the folder.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface FileStorage {
  /** Stores the bytes (if not there already) and returns their SHA-256. */
  put(bytes: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer>;
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(sha: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('invalid file id');
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
    const tmp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    await fs.writeFile(tmp, bytes, { flag: 'wx' });
    await fs.rename(tmp, target);
    return sha;
  }

  get(sha: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(sha));
  }
}
