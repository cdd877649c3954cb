/**
 * The backup file (format version 2), one gzip stream of:
 *   a JSON header line: format, version, the applied migrations, the tables in foreign-key order, the file count;
 *   each table's rows in COPY text format, ended by a `\.` line (which no data row can be);
 *   each stored file: a line `FILE <sha256> <size>`, its bytes, a newline;
 *   the trailer line `END sha256 <hex>`: the SHA-256 of every byte before it.
 * The trailer is what proves the file whole. gzip's CRC proves only that the members present are
 * intact: a file cut at a line boundary and compressed again, or cut between gzip members, passes
 * gunzip but has no matching trailer. Restore reads the file to the end (verifying each stored
 * file's hash too) before it touches the database.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { FileErrors } from '@township-office/domain/files.errors';
import { AppError } from './errors.ts';
import { isSha256 } from './files.ts';

export const FORMAT = 'township-office-backup';
export const VERSION = 2;

export interface TableSpec {
  name: string;
  columns: string[];
}
export interface Header {
  format: typeof FORMAT;
  version: typeof VERSION;
  createdAt: string;
  migrations: string[];
  tables: TableSpec[];
  files: number;
}

export const damaged = (detail: string) => new AppError(FileErrors.BACKUP_DAMAGED, { detail });
const END_OF_TABLE = '\\.';

/** Writes the archive, hashing every byte; `finish` appends the trailer and waits for the disk. */
export class ArchiveWriter {
  private readonly hash = createHash('sha256');
  private readonly gzip = zlib.createGzip();
  private readonly written: Promise<void>;

  constructor(private readonly file: string) {
    this.written = pipeline(this.gzip, fs.createWriteStream(file, { mode: 0o600 }));
    this.written.catch(() => {}); // surfaced by write() or finish()
  }

  async write(data: Buffer | string): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    this.hash.update(bytes);
    if (!this.gzip.write(bytes)) await once(this.gzip, 'drain');
  }

  async finish(): Promise<void> {
    this.gzip.end(`END sha256 ${this.hash.digest('hex')}\n`);
    await this.written;
    // A backup is only a backup once it is on the disk.
    const fd = fs.openSync(this.file, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  abort(): void {
    this.gzip.destroy();
  }
}

/** Reads the archive line by line or by byte count, hashing what it hands out. */
class ArchiveReader {
  private readonly chunks: AsyncIterator<Buffer>;
  private readonly close: () => void;
  private buf: Buffer = Buffer.alloc(0);
  private readonly hash = createHash('sha256');
  /** The last line handed out, hashed only when the next read starts (so the trailer is left out). */
  private pending: Buffer | undefined;
  private eof = false;

  constructor(file: string) {
    const source = fs.createReadStream(file);
    const gunzip = zlib.createGunzip();
    source.on('error', (err) => gunzip.destroy(err));
    source.pipe(gunzip);
    this.chunks = gunzip[Symbol.asyncIterator]();
    this.close = () => {
      source.destroy();
      gunzip.destroy();
    };
  }

  private async more(): Promise<boolean> {
    if (this.eof) return false;
    let next: IteratorResult<Buffer>;
    try {
      next = await this.chunks.next();
    } catch (err) {
      // zlib: "unexpected end of file" (cut inside a member), "incorrect header check" (not gzip)…
      throw damaged(`gzip: ${(err as Error).message}`);
    }
    if (next.done) {
      this.eof = true;
      return false;
    }
    this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : next.value;
    return true;
  }

  private digested = false;

  private flushPending(): void {
    if (this.pending && !this.digested) this.hash.update(this.pending);
    this.pending = undefined;
  }

  /** The next line without its newline; undefined at the end of the stream. */
  async line(): Promise<Buffer | undefined> {
    this.flushPending();
    const parts: Buffer[] = [];
    for (;;) {
      const nl = this.buf.indexOf(10);
      if (nl >= 0) {
        const whole = parts.length ? Buffer.concat([...parts, this.buf.subarray(0, nl + 1)]) : this.buf.subarray(0, nl + 1);
        this.buf = this.buf.subarray(nl + 1);
        this.pending = whole;
        return whole.subarray(0, whole.length - 1);
      }
      // No newline yet: keep what we have aside so a long line is joined once, not once per chunk.
      if (this.buf.length) parts.push(this.buf);
      this.buf = Buffer.alloc(0);
      if (!(await this.more())) {
        if (parts.length) throw damaged('the file ends inside a line');
        return undefined;
      }
    }
  }

  /** Exactly `size` bytes, handed to `onChunk` piece by piece. */
  async bytes(size: number, onChunk: (b: Buffer) => void): Promise<void> {
    this.flushPending();
    let left = size;
    while (left > 0) {
      if (!this.buf.length && !(await this.more())) throw damaged('the file ends inside a stored file');
      const piece = this.buf.subarray(0, Math.min(left, this.buf.length));
      this.buf = this.buf.subarray(piece.length);
      this.hash.update(piece);
      onChunk(piece);
      left -= piece.length;
    }
  }

  /** SHA-256 of everything before the last line handed out. */
  digestBeforeLastLine(): string {
    this.digested = true;
    return this.hash.digest('hex');
  }

  dispose(): void {
    this.close();
  }
}

export interface ArchiveVisitor {
  /** Called with the header before anything else is read: refuse an unusable backup early. */
  header(header: Header, raw: string): void | Promise<void>;
  /** A sink for the table's rows (each row a line with its newline); none: the rows are only read. */
  table?(table: TableSpec, index: number): Promise<RowSink>;
  /** A stored file whose bytes matched its SHA-256. */
  file?(sha256: string, bytes: Buffer, index: number): Promise<void>;
}
export interface RowSink {
  write(rows: Buffer): Promise<void>;
  end(): Promise<void>;
}

function parseHeader(line: Buffer | undefined): Header {
  let header: { format?: unknown; version?: unknown; migrations?: unknown; tables?: unknown; files?: unknown } | null;
  try {
    header = JSON.parse(String(line ?? ''));
  } catch {
    throw damaged('no backup header: not a township-office backup');
  }
  if (!header || header.format !== FORMAT) throw damaged('no backup header: not a township-office backup');
  if (header.version === 1) throw new AppError(FileErrors.BACKUP_OLD_FORMAT, { version: 1 });
  if (header.version !== VERSION) throw damaged(`unknown format version ${String(header.version)}`);
  if (!Array.isArray(header.migrations) || !Array.isArray(header.tables) || !Number.isInteger(header.files))
    throw damaged('the header is incomplete');
  return header as unknown as Header;
}

const ROW_BATCH = 256 * 1024;

/**
 * Reads the whole archive and checks it: every table ended, every stored file's bytes matching its
 * SHA-256, the trailer matching everything before it, nothing after it. Throws BACKUP_DAMAGED at
 * the first fault. With no `table`/`file` handlers it only verifies.
 */
export async function readArchive(file: string, visit: ArchiveVisitor): Promise<Header> {
  const reader = new ArchiveReader(file);
  try {
    const first = await reader.line();
    const header = parseHeader(first);
    await visit.header(header, String(first));
    for (const [i, t] of header.tables.entries()) {
      const sink = await visit.table?.(t, i);
      let batch: Buffer[] = [];
      let batchBytes = 0;
      for (;;) {
        const line = await reader.line();
        if (line === undefined) throw damaged(`the file ends inside table ${t.name}`);
        if (line.length === 2 && String(line) === END_OF_TABLE) break;
        if (!sink) continue;
        batch.push(line, NEWLINE);
        batchBytes += line.length + 1;
        if (batchBytes >= ROW_BATCH) {
          await sink.write(Buffer.concat(batch));
          batch = [];
          batchBytes = 0;
        }
      }
      if (sink) {
        if (batch.length) await sink.write(Buffer.concat(batch));
        await sink.end();
      }
    }
    for (let i = 0; i < header.files; i++) {
      const m = /^FILE ([0-9a-f]{64}) (\d{1,15})$/.exec(String((await reader.line()) ?? ''));
      if (!m || !isSha256(m[1]!)) throw damaged(`stored file ${i + 1} of ${header.files} is missing`);
      const sha = m[1]!;
      const hash = createHash('sha256');
      const pieces: Buffer[] = [];
      await reader.bytes(Number(m[2]), (b) => {
        hash.update(b);
        if (visit.file) pieces.push(b);
      });
      if (hash.digest('hex') !== sha) throw damaged(`stored file ${sha} does not match its SHA-256`);
      if ((await reader.line())?.length !== 0) throw damaged(`stored file ${sha} is not followed by a newline`);
      await visit.file?.(sha, Buffer.concat(pieces), i);
    }
    const trailer = /^END sha256 ([0-9a-f]{64})$/.exec(String((await reader.line()) ?? ''));
    if (!trailer) throw damaged('the end-of-backup checksum is missing: the file is cut short');
    if (trailer[1] !== reader.digestBeforeLastLine()) throw damaged('the checksum does not match the contents');
    if ((await reader.line()) !== undefined) throw damaged('there is data after the end of the backup');
    return header;
  } finally {
    reader.dispose();
  }
}
const NEWLINE = Buffer.from('\n');
