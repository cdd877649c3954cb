/** GET /api/events: the caller's org's live events as server-sent events. */
import type { RouteModule } from '../../platform/app-types.ts';
import { EventHub } from './documents.events.ts';

export const eventRoutes: RouteModule = (app, { database }) => {
  const hub = new EventHub(database.pool);
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of open) end();
    await hub.close();
  });

  app.get('/api/events', { config: { action: 'business.read' }, schema: { tags: ['documents'], summary: 'server-sent events: delivery.created, delivery.updated, reminders' } }, async (req, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    res.write('retry: 3000\n\n');
    let closed = false;
    const unsubscribe = await hub.subscribe(req.ctx.actor.orgId, (event) => {
      if (!closed) res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    });
    res.write(`event: ready\ndata: {}\n\n`);
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
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
  });
};
