/**
 * Live events for the inbox (server-sent events at /api/events). A write calls `notify` inside its
 * transaction; PostgreSQL delivers the NOTIFY on commit to every server process that LISTENs, and
 * each process pushes it to its own subscribers of the target orgs. Payloads stay small (a NOTIFY
 * carries at most 8000 bytes): a dispatch names its document, and the listener looks up the
 * recipient orgs only when it has subscribers.
 */
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { DbOrTx } from '../../db/client.ts';

export const EVENTS_CHANNEL = 'township_events';

export interface LiveEvent {
  type: 'delivery.created' | 'delivery.updated' | 'delivery.reminder' | 'incoming.updated' | 'incoming.reminder';
  /** Target orgs; when absent, the recipients of `documentId`'s live deliveries. */
  orgIds?: string[];
  documentId?: string;
  deliveryId?: string;
  incomingId?: string;
  /** Users of the target org the event is meant for (handlers, readers); others may ignore it. */
  userIds?: string[];
}

export async function notify(tx: DbOrTx, event: LiveEvent): Promise<void> {
  await tx.execute(sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`);
}

interface Subscriber {
  orgId: string;
  send(event: LiveEvent): void;
}

export class EventHub {
  private client: pg.PoolClient | null = null;
  private connecting: Promise<void> | null = null;
  private readonly subscribers = new Set<Subscriber>();

  constructor(private readonly pool: pg.Pool) {}

  get size(): number {
    return this.subscribers.size;
  }

  async subscribe(orgId: string, send: (event: LiveEvent) => void): Promise<() => void> {
    await this.listen();
    const sub: Subscriber = { orgId, send };
    this.subscribers.add(sub);
    return () => {
      this.subscribers.delete(sub);
    };
  }

  private listen(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = await this.pool.connect();
      client.on('notification', (msg) => void this.dispatch(msg.payload ?? ''));
      client.on('error', () => {
        // The next subscriber reconnects; the live ones are told nothing was lost by their own reload.
        this.client = null;
      });
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      this.client = client;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
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
      const r = await this.pool.query<{ org_id: string }>("SELECT org_id FROM deliveries WHERE document_id = $1 AND status = 'pending'", [event.documentId]);
      targets = r.rows.map((x) => x.org_id);
    }
    const set = new Set(targets ?? []);
    for (const sub of this.subscribers) if (set.has(sub.orgId)) sub.send(event);
  }

  async close(): Promise<void> {
    this.subscribers.clear();
    const c = this.client;
    this.client = null;
    if (c) {
      await c.query(`UNLISTEN ${EVENTS_CHANNEL}`).catch(() => {});
      c.release();
    }
  }
}
