/**
 * Backup and restore of the whole system: every table as one consistent snapshot, and every stored
 * file (attachments) with its hash. The embedded PostgreSQL package ships initdb/pg_ctl/postgres
 * but not pg_dump, and a Debian pg_dump cannot dump a newer server, so the snapshot is taken with
 * COPY inside one REPEATABLE READ transaction (the format is in backup-archive.ts).
 *
 * Restore never makes the live app wait on it for long: it first reads the whole file and checks
 * its checksums (no database work at all, so a cut or damaged file is refused in seconds); then it
 * builds the restored database in a schema of its own (`restore_<random>`: the recorded migrations
 * replayed there with search_path set, the rows loaded, newer migrations applied), which nothing
 * else touches; and last it swaps that schema in for `public` in one short transaction under a
 * lock_timeout, retried, so requests wait at most about that long.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { FileErrors } from '@township-office/domain/files.errors';
import { checksumOf, MIGRATIONS_DIR, migrationFiles } from '../db/migrate.ts';
import { ArchiveWriter, damaged, FORMAT, readArchive, VERSION, type Header, type TableSpec } from './backup-archive.ts';
import { AppError } from './errors.ts';
import { sha256Of, StoredFileMissing, type FileStorage } from './files.ts';

const SKIP = new Set(['schema_migrations']);
/** Held by a restore for its whole run: two restores at once would swap schemas under each other. */
const RESTORE_LOCK = 7201002;

type Progress = (done: number, total: number, label: string) => void;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Tables of `schema` in an order where every referenced table comes first (self-references load in one COPY). */
async function tablesInDependencyOrder(client: pg.PoolClient, schema = 'public'): Promise<TableSpec[]> {
  const tables = (await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = $1 ORDER BY 1`, [schema])).rows
    .map((r) => r.t)
    .filter((t) => !SKIP.has(t));
  const deps = (
    await client.query<{ child: string; parent: string }>(
      `SELECT cc.relname AS child, pc.relname AS parent
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       JOIN pg_class cc ON cc.oid = c.conrelid JOIN pg_class pc ON pc.oid = c.confrelid
       WHERE c.contype = 'f' AND n.nspname = $1 AND c.conrelid <> c.confrelid`,
      [schema],
    )
  ).rows;
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const d of deps) if (d.child === t) visit(d.parent);
    visiting.delete(t);
    ordered.push(t);
  };
  tables.forEach(visit);
  const specs: TableSpec[] = [];
  for (const name of ordered.filter((t) => tables.includes(t))) {
    const cols = await client.query<{ c: string }>(
      `SELECT column_name AS c FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
      [schema, name],
    );
    specs.push({ name, columns: cols.rows.map((r) => r.c) });
  }
  return specs;
}

/** Reads a stored file for the backup; undefined when it is missing or does not match its name. */
async function storedBytes(storage: FileStorage, sha: string, size: number): Promise<Buffer | undefined> {
  try {
    const bytes = await storage.get(sha);
    return bytes.length === size && sha256Of(bytes) === sha ? bytes : undefined;
  } catch (err) {
    if (err instanceof StoredFileMissing) return undefined;
    throw err;
  }
}

export async function backupDatabase(
  pool: pg.Pool,
  storage: FileStorage,
  file: string,
  onProgress?: Progress,
): Promise<{ tables: number; files: number; bytes: number }> {
  const client = await pool.connect();
  const tmp = `${file}.partial`;
  let out: ArchiveWriter | undefined;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = (await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name);
    const tables = await tablesInDependencyOrder(client);
    // Every file a row of the snapshot names: files are written before their row and never deleted.
    const files = (await client.query<{ sha256: string; size: number }>('SELECT sha256, size FROM stored_files ORDER BY sha256')).rows;
    const header: Header = {
      format: FORMAT,
      version: VERSION,
      createdAt: new Date().toISOString(),
      migrations,
      tables,
      files: files.length,
    };
    const total = tables.length + files.length;
    out = new ArchiveWriter(tmp);
    await out.write(JSON.stringify(header) + '\n');
    for (const [i, t] of tables.entries()) {
      onProgress?.(i, total, t.name);
      const stream = client.query(copyTo(`COPY ${ident(t.name)} (${t.columns.map(ident).join(', ')}) TO STDOUT`));
      for await (const chunk of stream) await out.write(chunk as Buffer);
      await out.write('\\.\n');
    }
    const missing: string[] = [];
    for (const [i, f] of files.entries()) {
      if (i % 20 === 0) onProgress?.(tables.length + i, total, 'files');
      const bytes = await storedBytes(storage, f.sha256, Number(f.size));
      if (!bytes) {
        missing.push(f.sha256);
        continue;
      }
      if (missing.length) continue; // the backup will be refused: only count the rest
      await out.write(`FILE ${f.sha256} ${bytes.length}\n`);
      await out.write(bytes);
      await out.write('\n');
    }
    // A backup without some attachments would restore rows whose downloads fail: refuse it whole.
    if (missing.length)
      throw new AppError(FileErrors.BACKUP_FILES_MISSING, {
        count: missing.length,
        list: missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', …' : ''),
      });
    await out.finish();
    await client.query('COMMIT');
    fs.renameSync(tmp, file);
    onProgress?.(total, total, 'done');
    return { tables: tables.length, files: files.length, bytes: fs.statSync(file).size };
  } catch (err) {
    out?.abort();
    await client.query('ROLLBACK').catch(() => {});
    fs.rmSync(tmp, { force: true });
    throw err;
  } finally {
    client.release();
  }
}

/** The header checks both passes make: a backup this version can restore. */
function checkHeader(header: Header): void {
  const known = new Set(migrationFiles());
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length) throw new AppError(FileErrors.BACKUP_NEWER, { migrations: unknown.join(', ') });
}

export interface RestoreOptions {
  onProgress?: Progress;
  /** How long the swap may wait for the live app's locks before it lets go and tries again. */
  lockTimeoutMs?: number;
  swapAttempts?: number;
}

export async function restoreDatabase(
  pool: pg.Pool,
  storage: FileStorage,
  file: string,
  opts: RestoreOptions = {},
): Promise<{ tables: number; files: number }> {
  const { onProgress } = opts;
  // 1. The whole file, checked, before the database is touched at all.
  onProgress?.(0, 1, 'verifying the backup file');
  let headerLine = '';
  const header = await readArchive(file, {
    header: (h, raw) => {
      checkHeader(h);
      headerLine = raw;
    },
  });
  const total = header.tables.length + header.files + 1;

  const client = await pool.connect();
  let schema: string | undefined;
  try {
    if (!(await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [RESTORE_LOCK])).rows[0]!.ok)
      throw new AppError(FileErrors.RESTORE_BUSY);
    // Left by a restore that was killed: with the lock held no other restore is using them.
    const leftovers = await client.query<{ s: string }>(
      `SELECT nspname AS s FROM pg_namespace WHERE nspname ~ '^(restore|replaced)_[0-9a-f]{12}$'`,
    );
    for (const { s } of leftovers.rows) await client.query(`DROP SCHEMA ${ident(s)} CASCADE`);

    // 2. Build the restored database beside the live one. Only pg_catalog besides the new schema
    // is on the search path, so a migration can never reach into the live tables by name.
    schema = `restore_${randomBytes(6).toString('hex')}`;
    await client.query('BEGIN');
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET LOCAL search_path = ${schema}`);
    await client.query(
      'CREATE TABLE schema_migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const replay = async (m: string) => {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, m), 'utf8');
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [m, checksumOf(sql)]);
    };
    for (const m of header.migrations) await replay(m);
    // Migrations may seed rows of their own (settings, reference lists); the backup's rows replace them.
    if (header.tables.length) await client.query(`TRUNCATE ${header.tables.map((t) => ident(t.name)).join(', ')}`);
    // Rows are loaded as they were: skip triggers and foreign-key checks where the role may (superuser).
    await client.query('SAVEPOINT replica');
    const replica = await client.query('SET LOCAL session_replication_role = replica').then(
      () => true,
      () => client.query('ROLLBACK TO SAVEPOINT replica').then(() => false),
    );
    // Second read: the rows and files go in, and every check runs again (the file could have changed).
    await readArchive(file, {
      header: (_h, raw) => {
        if (raw !== headerLine) throw damaged('the file changed while it was being restored');
      },
      table: async (t, i) => {
        onProgress?.(i + 1, total, t.name);
        const sink = client.query(copyFrom(`COPY ${ident(t.name)} (${t.columns.map(ident).join(', ')}) FROM STDIN`));
        const done = new Promise<void>((resolve, reject) => {
          sink.on('finish', resolve);
          sink.on('error', reject);
        });
        return {
          write: async (rows) => {
            if (!sink.write(rows))
              await new Promise<void>((resolve, reject) => {
                sink.once('drain', resolve);
                sink.once('error', reject);
              });
          },
          end: async () => {
            sink.end();
            await done;
          },
        };
      },
      file: async (sha, bytes, i) => {
        if (i % 20 === 0) onProgress?.(header.tables.length + i + 1, total, 'files');
        // Content-addressed: a file already in the store is the same bytes; an extra one is harmless.
        if ((await storage.put(bytes)) !== sha) throw damaged(`stored file ${sha} does not match its SHA-256`);
      },
    });
    // Serial sequences continue after the restored rows.
    const seqs = await client.query<{ tbl: string; col: string }>(
      `SELECT table_name AS tbl, column_name AS col FROM information_schema.columns
       WHERE table_schema = $1 AND pg_get_serial_sequence(quote_ident($1) || '.' || quote_ident(table_name), column_name) IS NOT NULL`,
      [schema],
    );
    for (const s of seqs.rows) {
      const seq = (
        await client.query<{ q: string }>('SELECT pg_get_serial_sequence($1, $2) AS q', [`${ident(schema)}.${ident(s.tbl)}`, s.col])
      ).rows[0]!.q;
      await client.query(`SELECT setval($1, coalesce((SELECT max(${ident(s.col)}) FROM ${ident(s.tbl)}), 0) + 1, false)`, [seq]);
    }
    if (replica) await client.query('SET LOCAL session_replication_role = origin');
    // Migrations this version has and the backup's did not: applied here, so what is swapped in is current.
    const recorded = new Set(header.migrations);
    for (const m of migrationFiles()) if (!recorded.has(m)) await replay(m);
    await client.query('COMMIT');

    // 3. Swap it in.
    onProgress?.(total - 1, total, 'switching over');
    await swapIn(client, schema, opts.lockTimeoutMs ?? 2000, opts.swapAttempts ?? 10);
    schema = undefined;
    onProgress?.(total, total, 'done');
    return { tables: header.tables.length, files: header.files };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    if (schema) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    throw err;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [RESTORE_LOCK]).catch(() => {});
    client.release();
  }
}

/**
 * public → replaced_x, restore_x → public in one short transaction, after locking every live table
 * under a short lock_timeout: requests in flight finish first, and requests that queued behind the
 * lock look their tables up again once it is released, so they land in the restored schema, never
 * in the old one. A request that holds a table makes the swap let go and retry rather than hold the
 * others up. The old schema is dropped afterwards, in its own transaction, where nobody waits on it.
 */
async function swapIn(client: pg.PoolClient, schema: string, lockTimeoutMs: number, attempts: number): Promise<void> {
  const replaced = `replaced_${randomBytes(6).toString('hex')}`;
  const timeout = Math.max(1, Math.round(lockTimeoutMs));
  await retryOnLockTimeout(client, attempts, async () => {
    await client.query('BEGIN');
    await client.query(`SET LOCAL lock_timeout = ${timeout}`);
    // lock_timeout bounds each table's wait; statement_timeout bounds them all together.
    await client.query(`SET LOCAL statement_timeout = ${timeout}`);
    const live = (await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)).rows.map(
      (r) => `public.${ident(r.t)}`,
    );
    if (live.length) await client.query(`LOCK TABLE ${live.join(', ')} IN ACCESS EXCLUSIVE MODE`);
    await client.query('SET LOCAL statement_timeout = 0');
    await client.query(`ALTER SCHEMA public RENAME TO ${replaced}`);
    await client.query(`ALTER SCHEMA ${schema} RENAME TO public`);
    // Extensions (pg_trgm) were created in the old public; move them, or dropping it would take them.
    const exts = await client.query<{ e: string }>('SELECT extname AS e FROM pg_extension WHERE extnamespace = $1::regnamespace', [
      replaced,
    ]);
    for (const { e } of exts.rows) await client.query(`ALTER EXTENSION ${ident(e)} SET SCHEMA public`);
    // As PostgreSQL 15 creates public: every role may use it (the tables keep their own grants).
    await client.query('GRANT USAGE ON SCHEMA public TO PUBLIC');
    await client.query('COMMIT');
  });
  // Left behind if this fails for good: the next restore drops it.
  await retryOnLockTimeout(client, attempts, async () => {
    await client.query('BEGIN');
    await client.query(`SET LOCAL lock_timeout = ${timeout}`);
    await client.query(`DROP SCHEMA ${replaced} CASCADE`);
    await client.query('COMMIT');
  }).catch(() => {});
}

async function retryOnLockTimeout(client: pg.PoolClient, attempts: number, run: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      const code = (err as { code?: string }).code;
      // 55P03 lock_not_available, 57014 statement timeout, 40P01 deadlock: a request held a table; try again shortly.
      if (!['55P03', '57014', '40P01'].includes(code ?? '') || attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}
