import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect, PgTransaction } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema>;
/** A transaction handle; repositories accept either, services open the transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/**
 * Runs independent reads at once on the pool (each on a connection of its own), one after another
 * on a transaction: its one connection would queue them, which pg deprecates ("client.query() when
 * the client is already executing a query", pg@9 refuses it).
 */
export async function allOn<const T extends readonly (() => Promise<unknown>)[]>(
  db: DbOrTx,
  tasks: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  type Out = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
  if (!(db instanceof PgTransaction)) return (await Promise.all(tasks.map((t) => t()))) as Out;
  const out: unknown[] = [];
  for (const t of tasks) out.push(await t());
  return out as Out;
}

export interface Database {
  db: Db;
  pool: pg.Pool;
  kind: 'embedded' | 'external';
  url: string;
  close(): Promise<void>;
}

// Bigint counts and numerics arrive as strings by default; dates stay as JS Dates.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// `date` columns are calendar days, not instants: keep them as 'YYYY-MM-DD'.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/**
 * How long opening a new connection may take before it fails (a database that does not answer at
 * all: a dead host, a dropped route). A refused connection fails at once anyway.
 */
export const CONNECT_TIMEOUT_MS = 5_000;
/**
 * How long a request waits for a free slot of the pool before it gives up with the catalogued 503
 * instead of hanging (a pool drained by leaked clients hung every request, /api/health included).
 * Generous, because 200 requests queueing for 10 slots is normal load, not a fault: the numbering
 * test's 200 concurrent requests wait up to ~15 s on a busy 2-core machine.
 */
export const POOL_WAIT_TIMEOUT_MS = 30_000;

export interface ConnectOptions {
  /** Overrides POOL_WAIT_TIMEOUT_MS (and caps the connect timeout), e.g. for tests. */
  connectionTimeoutMillis?: number;
  /**
   * Overrides CONNECT_TIMEOUT_MS. Tests raise it: there it guards against a hang and measures
   * nothing, and a fresh-clone CI run at load ~13 on two cores once took more than 5 s to open a
   * connection to a database just created from its template.
   */
  connectTimeoutMillis?: number;
  /**
   * Every transaction of every connection read-only (`default_transaction_read_only=on`, sent in the
   * startup packet so it holds before the first query): the replica's pool, so a write routed there
   * by mistake is refused even after the replica has been promoted.
   */
  readOnly?: boolean;
  /** Shows in pg_stat_activity (default `township-office`). */
  applicationName?: string;
  /**
   * The hot statements (`executeNamed`) are prepared once per connection and planned from then on
   * from the cache (default on). Off for a transaction-mode pooler that does not keep prepared
   * statements (PgBouncer before 1.21, or without `max_prepared_statements`): there a statement
   * prepared on one server connection is missing on the next. `DATABASE_NAMED_STATEMENTS=off`.
   */
  namedStatements?: boolean;
}

/** The pools whose Drizzle handle may run named statements (`connect` with `namedStatements` on). */
const namedStatementPools = new WeakMap<object, pg.Pool>();
const dialect = new PgDialect();

/**
 * `db.execute(query)`, as a named statement when `db` is a pool's handle that allows them: parsed
 * and planned once per connection, then only bound and run. A create's one statement of five CTEs
 * spent half a millisecond of PostgreSQL's time in parse and plan, as much as the raw insert takes
 * in all (bench "收文 create"). The name carries a hash of the text, so two texts never share one.
 * On a transaction, or with named statements off, the statement is sent unnamed as always.
 */
export async function executeNamed<T extends Record<string, unknown>>(db: DbOrTx, name: string, query: SQL): Promise<pg.QueryResult<T>> {
  const pool = namedStatementPools.get(db);
  if (!pool) return (await db.execute<T>(query)) as pg.QueryResult<T>;
  const { sql: text, params } = dialect.sqlToQuery(query);
  return pool.query<T>({ name: `${name}.${createHash('sha1').update(text).digest('hex').slice(0, 12)}`, text, values: params });
}

/** Whether `db` may run named statements (for Drizzle's own `.prepare(name)`). */
export const namedStatementsOn = (db: DbOrTx): db is Db => namedStatementPools.has(db);

export function connect(url: string, kind: Database['kind'], max = 10, opts: ConnectOptions = {}): Database {
  const waitMs = opts.connectionTimeoutMillis ?? POOL_WAIT_TIMEOUT_MS;
  const connectMs = Math.min(opts.connectTimeoutMillis ?? CONNECT_TIMEOUT_MS, waitMs);
  // pg-pool uses one setting for both waits; its clients get the shorter connect timeout of their own.
  class TimedClient extends pg.Client {
    constructor(config: pg.ClientConfig = {}) {
      super({ ...config, connectionTimeoutMillis: connectMs });
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: opts.applicationName ?? 'township-office',
    ...(opts.readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
    connectionTimeoutMillis: waitMs,
    Client: TimedClient,
  });
  trackClients(pool);
  pool.on('error', (err) => console.error('[db] idle client error:', err.message));
  // pg-pool listens for errors only on idle clients; a connection lost while checked out (the
  // database restarting, a backend terminated) would otherwise be an unhandled 'error' event that
  // ends the process. Its query still fails, and the request gets its 503.
  pool.on('connect', (client) => client.on('error', (err) => console.error('[db] connection error:', err.message)));
  const db = drizzle(pool, { schema });
  if (opts.namedStatements ?? true) namedStatementPools.set(db, pool);
  return { db, pool, kind, url, close: () => endPool(pool) };
}

/**
 * How long closing a pool waits for its checked-out connections to come back before it cuts them.
 * A server being stopped must stop: one query that never answers (a half-open connection through a
 * proxy at a failover, a lock wait) kept `pool.end()` waiting forever and a stop hanging with it.
 */
export const POOL_CLOSE_GRACE_MS = 10_000;

/** The query a client is running, as pg keeps it (for the close warning), if any (`activeQuery` is deprecated in pg 8). */
function activeQueryText(client: pg.PoolClient): string | undefined {
  const q = (client as unknown as { _activeQuery?: { text?: string } | null })._activeQuery;
  return q?.text?.replace(/\s+/g, ' ').slice(0, 200);
}

/**
 * `pool.end()` bounded by `graceMs`: the connections still checked out then are destroyed (their
 * queries fail, their holders release them, the pool ends) and each is named in a warning with what
 * it was running, so the holder can be found.
 */
export async function endPool(pool: pg.Pool, graceMs = POOL_CLOSE_GRACE_MS, warn: (m: string) => void = console.warn): Promise<void> {
  // pg-pool keeps no public list of its clients; `connect` and `remove` events keep ours.
  const live = clientsOf(pool);
  // pg-pool resolves end() once it has asked each client to end, before their sockets have closed;
  // its 'remove' event comes after. Waiting for those too means a caller that drops the database
  // next (a test, the bench) does not race connections still saying goodbye.
  const ended = pool.end().then(() => socketsClosed(pool, live));
  if (await within(ended, graceMs)) return;
  for (const client of [...live]) {
    warn(`[db] closing the pool: a connection still held after ${graceMs} ms is cut (running: ${activeQueryText(client) ?? 'nothing'})`);
    cutConnection(client);
  }
  // A cut connection's holder gets its error and gives it back; one that never does is a leak: named, not waited for.
  if (!(await within(ended, graceMs))) warn(`[db] closing the pool: ${live.size} connection(s) never given back; the pool is left`);
}

/** Ends one client of its own (not a pool's) within `graceMs`: a graceful goodbye, else its socket is cut. */
export async function endClient(client: pg.Client, graceMs = POOL_CLOSE_GRACE_MS): Promise<void> {
  const ended = client.end().then(
    () => true,
    () => true,
  );
  if (!(await within(ended, graceMs))) cutConnection(client);
}

/** Destroys a client's socket: its running query fails with "Connection terminated", its holder gives it back. */
function cutConnection(client: pg.ClientBase): void {
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}

/** Whether `p` settles true within `ms`. */
async function within(p: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

const tracked = new WeakMap<pg.Pool, Set<pg.PoolClient>>();
function clientsOf(pool: pg.Pool): Set<pg.PoolClient> {
  return tracked.get(pool) ?? new Set();
}
/** Resolves true once every client in `live` has been removed from `pool` (its socket closed). */
function socketsClosed(pool: pg.Pool, live: Set<pg.PoolClient>): Promise<boolean> {
  return new Promise((resolve) => {
    const check = () => {
      if (live.size > 0) return;
      pool.off('remove', check);
      resolve(true);
    };
    pool.on('remove', check);
    check();
  });
}

/** Starts keeping the pool's clients (called by `connect` before any client exists). */
function trackClients(pool: pg.Pool): void {
  const set = new Set<pg.PoolClient>();
  tracked.set(pool, set);
  pool.on('connect', (c) => set.add(c));
  pool.on('remove', (c) => set.delete(c as pg.PoolClient));
}

/** Whether the database answers `SELECT 1` within `timeoutMs` (never waits longer, whatever the pool does). */
export async function databaseAnswers(pool: pg.Pool, timeoutMs: number): Promise<boolean> {
  return (await queryWithin(pool, 'SELECT 1', timeoutMs)) !== undefined;
}

/** The rows of `text`, or undefined when it fails or takes longer than `timeoutMs` (health checks must never hang). */
export async function queryWithin<R extends pg.QueryResultRow>(pool: pg.Pool, text: string, timeoutMs: number): Promise<R[] | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
  try {
    return await Promise.race([
      pool.query<R>(text).then(
        (r) => r.rows,
        () => undefined,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
// 08xxx connection exceptions; 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now
// (starting or stopping); 53300 too_many_connections.
const SQLSTATES = /^(08...|57P0[123]|53300)$/;
// node-postgres and pg-pool raise these as plain Errors without a code.
const MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Client was closed and is not queryable)/;

/**
 * Whether an error means "the database cannot be reached right now" (as opposed to a bug or a
 * rule): the error handler answers these with DB_UNAVAILABLE (503). Follows `cause` (Drizzle wraps
 * query errors) and AggregateError's `errors` (a refused dual-stack connect).
 *
 * A write refused as read-only (25006) counts too: through a balancer in front of a primary and
 * its standby, that is the standby answering during a failover, before its promotion — it takes
 * writes again a moment later, so the caller should try again, not see a fault of ours.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  return unreachable(err, 0) || hasCode(err, '25006', 0);
}

/**
 * Whether the connection itself failed (not a refusal by a server that answered): what makes the
 * replica's reads fall back to the primary. A read-only refusal is not one of these: that write
 * must fail, not be retried on the primary.
 */
export function isConnectionFailure(err: unknown): boolean {
  return unreachable(err, 0);
}

function unreachable(err: unknown, depth: number): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SQLSTATES.test(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => unreachable(x, depth + 1))) return true;
  return unreachable(e.cause, depth + 1);
}

function hasCode(err: unknown, code: string, depth: number): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { code?: unknown; cause?: unknown };
  return e.code === code || hasCode(e.cause, code, depth + 1);
}
