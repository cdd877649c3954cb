/**
 * Backup and restore of the whole database as one consistent snapshot. The embedded PostgreSQL
 * package ships initdb/pg_ctl/postgres but not pg_dump, and a Debian pg_dump cannot dump a newer
 * server, so the snapshot is taken with COPY inside one REPEATABLE READ transaction and written as
 * a gzip file: a JSON header line (migrations, tables in foreign-key order), then each table's rows
 * in COPY text format ended by `\.` (which no data row can be). Restore replays the recorded
 * migrations into an emptied schema and loads every table in one transaction: all or nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { checksumOf, MIGRATIONS_DIR, migrationFiles } from '../db/migrate.ts';

const FORMAT = 'township-office-backup';
const SKIP = new Set(['schema_migrations']);

interface TableSpec {
  name: string;
  columns: string[];
}
interface Header {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: TableSpec[];
}

type Progress = (done: number, total: number, label: string) => void;

/** Tables in an order where every referenced table comes first (self-references load in one COPY). */
async function tablesInDependencyOrder(client: pg.PoolClient): Promise<TableSpec[]> {
  const tables = (await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map((r) => r.t).filter((t) => !SKIP.has(t));
  const deps = (
    await client.query<{ child: string; parent: string }>(`
      SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public' AND c.conrelid <> c.confrelid`)
  ).rows;
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const d of deps) if (d.child === t) visit(d.parent.replace(/^"|"$/g, ''));
    visiting.delete(t);
    ordered.push(t);
  };
  tables.forEach(visit);
  const specs: TableSpec[] = [];
  for (const name of ordered.filter((t) => tables.includes(t))) {
    const cols = await client.query<{ c: string }>(
      `SELECT column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
      [name],
    );
    specs.push({ name, columns: cols.rows.map((r) => r.c) });
  }
  return specs;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

export async function backupDatabase(pool: pg.Pool, file: string, onProgress?: Progress): Promise<{ tables: number; bytes: number }> {
  const client = await pool.connect();
  const tmp = `${file}.partial`;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = (await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name);
    const tables = await tablesInDependencyOrder(client);
    const header: Header = { format: FORMAT, version: 1, createdAt: new Date().toISOString(), migrations, tables };
    const gzip = zlib.createGzip();
    const out = fs.createWriteStream(tmp, { mode: 0o600 });
    const written = pipeline(gzip, out);
    gzip.write(JSON.stringify(header) + '\n');
    for (const [i, t] of tables.entries()) {
      onProgress?.(i, tables.length, t.name);
      const stream = client.query(copyTo(`COPY ${ident(t.name)} (${t.columns.map(ident).join(', ')}) TO STDOUT`));
      for await (const chunk of stream) {
        if (!gzip.write(chunk)) await once(gzip, 'drain');
      }
      gzip.write('\\.\n');
    }
    gzip.end();
    await written;
    await client.query('COMMIT');
    fs.renameSync(tmp, file);
    onProgress?.(tables.length, tables.length, 'done');
    return { tables: tables.length, bytes: fs.statSync(file).size };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    fs.rmSync(tmp, { force: true });
    throw err;
  } finally {
    client.release();
  }
}

export async function restoreDatabase(pool: pg.Pool, file: string, onProgress?: Progress): Promise<{ tables: number }> {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  const first = await it.next();
  let header: Header;
  try {
    header = JSON.parse(String(first.value));
  } catch {
    throw new Error(`${file} is not a township-office backup`);
  }
  if (header.format !== FORMAT) throw new Error(`${file} is not a township-office backup`);
  const known = new Set(migrationFiles());
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length) throw new Error(`the backup comes from a newer version (unknown migrations: ${unknown.join(', ')}); upgrade first`);

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
    await client.query('CREATE TABLE schema_migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    for (const m of header.migrations) {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, m), 'utf8');
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [m, checksumOf(sql)]);
    }
    // Migrations may seed rows of their own (settings, reference lists); the backup's rows replace them.
    if (header.tables.length) await client.query(`TRUNCATE ${header.tables.map((t) => ident(t.name)).join(', ')}`);
    // Rows are loaded as they were: skip triggers and foreign-key checks where the role may (superuser).
    await client.query('SAVEPOINT replica');
    await client.query('SET LOCAL session_replication_role = replica').catch(() => client.query('ROLLBACK TO SAVEPOINT replica'));
    for (const [i, t] of header.tables.entries()) {
      onProgress?.(i, header.tables.length, t.name);
      const sink = client.query(copyFrom(`COPY ${ident(t.name)} (${t.columns.map(ident).join(', ')}) FROM STDIN`));
      const done = new Promise<void>((resolve, reject) => {
        sink.on('finish', resolve);
        sink.on('error', reject);
      });
      for (;;) {
        const next = await it.next();
        if (next.done) throw new Error(`the backup ends inside table ${t.name}: the file is truncated`);
        if (next.value === '\\.') break;
        if (!sink.write(next.value + '\n')) await once(sink, 'drain');
      }
      sink.end();
      await done;
    }
    // Serial sequences continue after the restored rows.
    const seqs = await client.query<{ tbl: string; col: string; seq: string }>(`
      SELECT c.table_name AS tbl, c.column_name AS col, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) AS seq
      FROM information_schema.columns c WHERE c.table_schema = 'public' AND pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) IS NOT NULL`);
    for (const s of seqs.rows) {
      await client.query(`SELECT setval($1, coalesce((SELECT max(${ident(s.col)}) FROM ${ident(s.tbl)}), 0) + 1, false)`, [s.seq]);
    }
    await client.query('COMMIT');
    onProgress?.(header.tables.length, header.tables.length, 'done');
    return { tables: header.tables.length };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
    lines.close();
  }
}
