/** GET /api/events: the caller's org's live events as server-sent events. */
import { fileResponse } from '@township-office/domain/print';
import type { RouteModule } from '../../platform/app-types.ts';
import { EventHub } from './documents.events.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's LISTEN hub: its state and `listening` / `lost` events are for health checks and tests. */
    eventHub: EventHub;
  }
}

export const eventRoutes: RouteModule = (app, { database, config }) => {
  // LISTEN needs a session of its own: DATABASE_LISTEN_URL names one when DATABASE_URL goes through
  // a transaction-mode pooler (PgBouncer), which would deliver no notification. NOTIFY goes through
  // the request pool in the writing transaction, which any pooler passes on.
  const hub = new EventHub({
    url: config.databaseListenUrl ?? database.url,
    pool: database.pool,
    log: { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) },
  });
  app.decorate('eventHub', hub);
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of open) end();
    await hub.close();
  });

  app.get(
    '/api/events',
    {
      config: { action: 'business.read' },
      schema: {
        tags: ['documents'],
        summary: 'server-sent events: delivery.created, delivery.updated, reminders; resync after a lost connection',
        response: { 200: fileResponse('text/event-stream') },
      },
    },
    async (req, reply) => {
      const res = reply.raw;
      let closed = false;
      const write = (chunk: string) => {
        if (!closed && res.headersSent) res.write(chunk);
      };
      // Subscribe before taking the reply over: while the database is down this is a catalogued 503
      // (and the browser's EventSource tries again), not a stream that would never carry anything.
      const unsubscribe = await hub.subscribe({
        orgId: req.ctx.actor.orgId,
        send: (event) => write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`),
        resync: () => write('event: resync\ndata: {}\n\n'),
      });
      reply.hijack();
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
      });
      res.write('retry: 3000\n\n');
      res.write(`event: ready\ndata: {}\n\n`);
      const ping = setInterval(() => write(': ping\n\n'), 25_000);
      const end = () => {
        if (closed) return;
        closed = true;
        clearInterval(ping);
        unsubscribe();
        open.delete(end);
        res.end();
      };
      open.add(end);
      req.raw.on('close', end);
      // The client may have gone while we waited for the LISTEN.
      if (req.raw.socket?.destroyed) end();
    },
  );
};
