/**
 * Reads that may go to a streaming replica (DATABASE_REPLICA_URL): the county dashboard, register
 * exports and search, the heavy reads, so they do not compete with the clerks' writes on the primary.
 *
 * `readDb` is a Drizzle handle over a pool that sends each query to the replica while the replica
 * answers, and to the primary while it does not: a read never becomes a 5xx because the replica is
 * gone. A connection failure (refused, timed out, terminated) marks the replica down; from then on
 * reads go straight to the primary without waiting for the replica, a probe every
 * REPLICA_REPROBE_MS brings it back, and the warning is logged at most once a minute. A query the
 * replica refuses (a write: its connections are read-only) is not retried on the primary.
 *
 * Replicas are asynchronous by default: a read from one may be behind the primary by the replay lag
 * (`/api/health` reports it in bytes). The routes sent here are views where a second's lag does no
 * harm; a page that must show a write the clerk has just made reads from `db`.
 */
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { connect, isConnectionFailure, queryWithin, type ConnectOptions, type Database, type Db } from './client.ts';
import * as schema from './schema.ts';

export const REPLICA_APPLICATION_NAME = 'township-office-read';
/** While the replica is down, how often to try it again. */
export const REPLICA_REPROBE_MS = 5_000;
/** At most one warning this often while the replica cannot be reached. */
export const REPLICA_WARN_EVERY_MS = 60_000;

export interface ReplicaStatus {
  /** streaming: a standby that answers; not_standby: it answers but is no standby (promoted, or a primary named by mistake). */
  state: 'streaming' | 'not_standby' | 'unavailable';
  /** Where reads go right now. */
  readsFrom: 'replica' | 'primary';
  /** How far the replica's replay is behind the primary's WAL, in bytes; null when either could not be asked. */
  lagBytes: number | null;
}

export interface ReadReplica {
  /** The read routes' handle. */
  db: Db;
  /** The replica's own pool (read-only connections), for health checks and tests. */
  database: Database;
  readsFromReplica(): boolean;
  status(primary: pg.Pool, timeoutMs: number): Promise<ReplicaStatus>;
  close(): Promise<void>;
}

type QueryArgs = [config: unknown, values?: unknown];

/** "Pool" in the name: Drizzle takes a client whose constructor's name contains it for a pool (it opens transactions with `connect()`). */
class FallbackPool {
  private down = false;
  private lastWarn = Number.NEGATIVE_INFINITY;
  private probe: NodeJS.Timeout | undefined;

  constructor(
    private readonly replica: pg.Pool,
    private readonly primary: pg.Pool,
    private readonly warn: (m: string) => void,
    private readonly info: (m: string) => void,
  ) {}

  get usingReplica(): boolean {
    return !this.down;
  }

  async query(...args: QueryArgs): Promise<unknown> {
    const run = (pool: pg.Pool) => (pool.query as (...a: QueryArgs) => Promise<unknown>).apply(pool, args);
    if (!this.down) {
      try {
        return await run(this.replica);
      } catch (err) {
        if (!isConnectionFailure(err)) throw err;
        this.fallBack(err);
      }
    }
    return run(this.primary);
  }

  async connect(): Promise<pg.PoolClient> {
    if (!this.down) {
      try {
        return await this.replica.connect();
      } catch (err) {
        if (!isConnectionFailure(err)) throw err;
        this.fallBack(err);
      }
    }
    return this.primary.connect();
  }

  private warnAtMostEveryMinute(message: string): void {
    const now = Date.now();
    if (now - this.lastWarn < REPLICA_WARN_EVERY_MS) return;
    this.lastWarn = now;
    this.warn(message);
  }

  private fallBack(err: unknown): void {
    this.warnAtMostEveryMinute(`read replica unreachable (${(err as Error).message}): reads go to the primary until it answers again`);
    if (this.down) return;
    this.down = true;
    this.probe = setInterval(() => void this.reprobe(), REPLICA_REPROBE_MS);
    this.probe.unref();
  }

  private async reprobe(): Promise<void> {
    if (await queryWithin(this.replica, 'SELECT 1', REPLICA_REPROBE_MS / 2)) {
      clearInterval(this.probe);
      this.probe = undefined;
      this.down = false;
      this.lastWarn = Number.NEGATIVE_INFINITY;
      this.info('read replica answers again: reads go to it');
    } else {
      this.warnAtMostEveryMinute('read replica still unreachable: reads go to the primary');
    }
  }

  stop(): void {
    clearInterval(this.probe);
  }
}

/** An LSN `16/B374D848` as a number of bytes (exact up to 2^53, some 9 PB of WAL). */
function lsnBytes(lsn: string): number {
  const [hi = '0', lo = '0'] = lsn.split('/');
  return parseInt(hi, 16) * 2 ** 32 + parseInt(lo, 16);
}

export function openReadReplica(
  url: string,
  primary: Database,
  log: { warn: (m: string) => void; info: (m: string) => void },
  opts: ConnectOptions = {},
): ReadReplica {
  const database = connect(url, 'external', 10, { ...opts, readOnly: true, applicationName: REPLICA_APPLICATION_NAME });
  const routing = new FallbackPool(database.pool, primary.pool, log.warn, log.info);
  const db = drizzle(routing as unknown as pg.Pool, { schema });
  return {
    db,
    database,
    readsFromReplica: () => routing.usingReplica,
    async status(primaryPool, timeoutMs) {
      const [replica, head] = await Promise.all([
        queryWithin<{ standby: boolean; replayed: string | null }>(
          database.pool,
          'SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed',
          timeoutMs,
        ),
        // The primary may itself be a standby (a cascade, or the moment of a failover).
        queryWithin<{ lsn: string }>(
          primaryPool,
          'SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END)::text AS lsn',
          timeoutMs,
        ),
      ]);
      const readsFrom = routing.usingReplica ? 'replica' : 'primary';
      const r = replica?.[0];
      if (!r) return { state: 'unavailable', readsFrom, lagBytes: null };
      if (!r.standby) return { state: 'not_standby', readsFrom, lagBytes: null };
      const h = head?.[0]?.lsn;
      const lagBytes = h && r.replayed ? Math.max(0, lsnBytes(h) - lsnBytes(r.replayed)) : null;
      return { state: 'streaming', readsFrom, lagBytes };
    },
    async close() {
      routing.stop();
      await database.close();
    },
  };
}
