/**
 * Live events for the inbox (server-sent events at /api/events). A write calls `notify` inside its
 * transaction; PostgreSQL delivers the NOTIFY on commit to every server process that LISTENs, and
 * each process pushes it to its own subscribers of the target orgs. Payloads stay small (a NOTIFY
 * carries at most 8000 bytes): a dispatch names its document, and the listener looks up the
 * recipient orgs only when it has subscribers.
 *
 * The LISTEN runs on a connection of its own, outside the request pool: it is held for the life of
 * the process, so borrowing it from the pool would cost a request slot for good, and a lost one
 * that was never given back (the old defect) drained the pool until every request hung. When the
 * connection is lost (the backend terminated, the database restarted) the hub reconnects with a
 * bounded, jittered backoff, LISTENs again and keeps serving the streams that stayed open; it
 * tells them `resync`, because NOTIFYs sent while nobody listened are gone.
 *
 * LISTEN needs a session of its own: behind PgBouncer in transaction mode it silently receives
 * nothing. There, point DATABASE_URL at a session-mode pool (or PostgreSQL itself).
 */
import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { z } from 'zod';
import type { liveEventOut } from '@township-office/domain/documents.api';
import { CommonErrors } from '@township-office/domain/errors';
import { endClient, type DbOrTx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';

export const EVENTS_CHANNEL = 'township_events';
/** Set on the listener's session, so an operator (or a test) finds it in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'township-office-listener';

/** One message of the live stream; its shape is published in the domain for the web. */
export type LiveEvent = z.infer<typeof liveEventOut>;

export async function notify(tx: DbOrTx, event: LiveEvent): Promise<void> {
  await tx.execute(sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`);
}

export interface Subscriber {
  orgId: string;
  send(event: LiveEvent): void;
  /** After a lost LISTEN came back: events may have been missed, the client should reload. */
  resync?(): void;
}

export type ListenerState = 'idle' | 'connecting' | 'listening' | 'reconnecting' | 'closed';

export interface EventHubOptions {
  /** The database's connection string; the hub opens its own session on it. */
  url: string;
  /** The request pool, only for the recipient look-up of a dispatch. */
  pool: pg.Pool;
  log?: { info(msg: string): void; warn(msg: string): void };
  /** Reconnect delays: the first retry waits up to `initialMs`, doubling to at most `maxMs`. */
  backoff?: { initialMs: number; maxMs: number };
}

/** Full jitter: servers that lost the database together do not all reconnect in the same instant. */
export function backoffDelay(attempt: number, { initialMs, maxMs }: { initialMs: number; maxMs: number }): number {
  const cap = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 20));
  return Math.round(cap / 2 + Math.random() * (cap / 2));
}

/**
 * Emits `listening` each time the LISTEN is (re-)established and `lost` (with the error) each time
 * it drops; `listening()` resolves once it is up.
 */
export class EventHub extends EventEmitter {
  private client: pg.Client | null = null;
  private current: ListenerState = 'idle';
  private readonly subscribers = new Set<Subscriber>();
  private wake: (() => void) | null = null;
  private readonly url: string;
  private readonly pool: pg.Pool;
  private readonly log: NonNullable<EventHubOptions['log']>;
  private readonly backoff: NonNullable<EventHubOptions['backoff']>;

  constructor(opts: EventHubOptions) {
    super();
    this.url = opts.url;
    this.pool = opts.pool;
    this.log = opts.log ?? { info: () => {}, warn: (m) => console.warn(m) };
    this.backoff = opts.backoff ?? { initialMs: 200, maxMs: 10_000 };
  }

  get size(): number {
    return this.subscribers.size;
  }

  get state(): ListenerState {
    return this.current;
  }

  /** Server pid of the listening session (for diagnostics), when listening. */
  get backendPid(): number | undefined {
    return this.current === 'listening' ? (this.client as unknown as { processID?: number } | null)?.processID : undefined;
  }

  /** Resolves when the hub LISTENs; rejects with the catalogued 503 after `timeoutMs`. */
  listening(timeoutMs = 5000): Promise<void> {
    this.start();
    if (this.current === 'listening') return Promise.resolve();
    if (this.current === 'closed') return Promise.reject(new AppError(CommonErrors.DB_UNAVAILABLE));
    return new Promise<void>((resolve, reject) => {
      const done = (err?: unknown) => {
        clearTimeout(timer);
        this.off('listening', onUp);
        this.off('closed', onClosed);
        if (err) reject(err);
        else resolve();
      };
      const onUp = () => done();
      const onClosed = () => done(new AppError(CommonErrors.DB_UNAVAILABLE));
      const timer = setTimeout(() => done(new AppError(CommonErrors.DB_UNAVAILABLE)), timeoutMs);
      this.on('listening', onUp);
      this.on('closed', onClosed);
    });
  }

  /** Adds a subscriber once the hub listens (a catalogued 503 when the database cannot be reached). */
  async subscribe(sub: Subscriber, timeoutMs?: number): Promise<() => void> {
    await this.listening(timeoutMs);
    this.subscribers.add(sub);
    return () => {
      this.subscribers.delete(sub);
    };
  }

  private start(): void {
    if (this.current !== 'idle') return;
    this.current = 'connecting';
    void this.run();
  }

  /** The one connection loop: open, LISTEN, wait for the loss, back off, again; until closed. */
  private async run(): Promise<void> {
    let attempt = 0;
    let outage = false;
    while (!this.closed()) {
      const client = new pg.Client({
        connectionString: this.url,
        application_name: LISTENER_APPLICATION_NAME,
        keepAlive: true,
        connectionTimeoutMillis: 5000,
      });
      // Armed before connect: an error event without a listener would crash the process.
      const lost = new Promise<Error | undefined>((resolve) => {
        client.on('error', (err) => resolve(err));
        client.on('end', () => resolve(undefined));
      });
      client.on('notification', (msg) => {
        this.dispatch(msg.payload ?? '').catch((err: Error) => this.log.warn(`[events] could not deliver an event: ${err.message}`));
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      } catch (err) {
        void client.end().catch(() => {});
        if (!outage) this.log.warn(`[events] cannot LISTEN (${(err as Error).message}); retrying with backoff`);
        outage = true;
        await this.sleep(backoffDelay(attempt++, this.backoff));
        continue;
      }
      if (this.closed()) {
        await client.end().catch(() => {});
        return;
      }
      this.client = client;
      this.current = 'listening';
      if (outage) {
        this.log.info(`[events] LISTEN restored after ${attempt} ${attempt === 1 ? 'retry' : 'retries'}`);
        for (const sub of this.subscribers) sub.resync?.();
      }
      attempt = 0;
      outage = false;
      this.emit('listening');

      const err = await lost;
      this.client = null;
      // Ending a broken client frees its socket; nothing else holds it (no pool slot to give back).
      void client.end().catch(() => {});
      if (this.closed()) return;
      this.current = 'reconnecting';
      outage = true;
      this.log.warn(`[events] LISTEN connection lost (${err?.message ?? 'closed by the server'}); reconnecting`);
      this.emit('lost', err);
      await this.sleep(backoffDelay(attempt++, this.backoff));
    }
  }

  /** A method, not a field test: close() changes the state while run() awaits. */
  private closed(): boolean {
    return this.current === 'closed';
  }

  private sleep(ms: number): Promise<void> {
    if (this.closed()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  private async dispatch(payload: string): Promise<void> {
    if (this.subscribers.size === 0) return;
    let event: LiveEvent;
    try {
      event = JSON.parse(payload) as LiveEvent;
    } catch {
      return;
    }
    let targets = event.orgIds;
    if (!targets && event.documentId) {
      const r = await this.pool.query<{ org_id: string }>("SELECT org_id FROM deliveries WHERE document_id = $1 AND status = 'pending'", [
        event.documentId,
      ]);
      targets = r.rows.map((x) => x.org_id);
    }
    const set = new Set(targets ?? []);
    for (const sub of this.subscribers) if (set.has(sub.orgId)) sub.send(event);
  }

  async close(): Promise<void> {
    this.subscribers.clear();
    const wasIdle = this.current === 'idle';
    this.current = 'closed';
    this.wake?.();
    if (!wasIdle) this.emit('closed');
    const c = this.client;
    this.client = null;
    // Bounded: a half-open connection (a proxy at a failover) never answers a goodbye.
    if (c) await endClient(c, 2_000);
  }
}
