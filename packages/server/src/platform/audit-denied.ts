/**
 * Denied requests are security events (等保 2.0 安全审计: 对重要的用户行为和重要安全事件进行审计):
 * a signed-in caller who hits the role gate (403) or asks for a record it may not see (404, which
 * is also how another township's record answers) leaves an `access.denied` row with actor, IP,
 * method, path and error code. No business transaction exists for a refused request, so the row
 * is written in a short transaction of its own, before the response leaves (the caller cannot
 * race it).
 *
 * A flood must not fill the table or hold the org chain's head lock: per account and per minute
 * the first DENIED_ROWS_PER_MINUTE denials are recorded one by one, the next one writes a single
 * `access.denied_flood` row, and the rest of that minute is only counted; the count travels in
 * the account's next `access.denied` row (`suppressedBefore`). The counter is per process: with
 * several server processes the limit applies to each.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { writeAudit } from './audit.ts';
import type { Actor } from './context.ts';
import type { PlatformSession } from './http.ts';

export const DENIED_ROWS_PER_MINUTE = 20;
const WINDOW_MS = 60_000;
/** A workflow step, not a refusal: the first-sign-in password change. */
const NOT_A_DENIAL = new Set(['PASSWORD_CHANGE_REQUIRED']);

interface Window {
  start: number;
  written: number;
  suppressed: number;
  carried: number;
}

function errorCode(payload: unknown): string | null {
  if (typeof payload !== 'string' || payload.length > 4096) return null;
  try {
    return (JSON.parse(payload) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    return null;
  }
}

export function registerDeniedRequestAudit(app: FastifyInstance, db: Db, actorOf: (session: PlatformSession) => Actor): void {
  const windows = new Map<string, Window>();

  /** 'row', 'flood' (write the one flood row) or 'skip', and the count carried from the last window. */
  function admit(userId: string, now: number): { kind: 'row' | 'flood' | 'skip'; carried: number } {
    let w = windows.get(userId);
    if (!w || now - w.start >= WINDOW_MS) {
      w = { start: now, written: 0, suppressed: 0, carried: w?.suppressed ?? 0 };
      windows.set(userId, w);
      // Forget idle accounts now and then so the map stays small.
      if (windows.size > 10_000) for (const [k, v] of windows) if (now - v.start >= WINDOW_MS) windows.delete(k);
    }
    if (w.written < DENIED_ROWS_PER_MINUTE) {
      w.written++;
      const carried = w.carried;
      w.carried = 0;
      return { kind: 'row', carried };
    }
    w.suppressed++;
    return { kind: w.suppressed === 1 ? 'flood' : 'skip', carried: 0 };
  }

  async function record(req: FastifyRequest, status: number, code: string | null): Promise<void> {
    const actor = actorOf(req.session!);
    const { userId, username, displayName, role, orgId } = actor;
    const decision = admit(userId, Date.now());
    if (decision.kind === 'skip') return;
    const path = req.url.split('?')[0]!.slice(0, 300);
    const after =
      decision.kind === 'row'
        ? {
            method: req.method,
            path,
            route: req.routeOptions.url ?? null,
            status,
            code,
            ...(decision.carried ? { suppressedBefore: decision.carried } : {}),
          }
        : { method: req.method, path, status, code, limitPerMinute: DENIED_ROWS_PER_MINUTE };
    await db.transaction((tx) =>
      writeAudit(
        tx,
        { actor: { userId, username, displayName, role, orgId }, ip: req.ip },
        { action: decision.kind === 'row' ? 'access.denied' : 'access.denied_flood', entity: 'request', entityId: null, after },
      ),
    );
  }

  app.addHook('onSend', async (req, reply, payload) => {
    const status = reply.statusCode;
    if ((status !== 403 && status !== 404) || !req.session || !req.url.startsWith('/api/')) return payload;
    const code = errorCode(payload);
    if (code && NOT_A_DENIAL.has(code)) return payload;
    try {
      await record(req, status, code);
    } catch (err) {
      // The refusal stands whether or not its row could be written; the failure is logged.
      req.log.error({ err, reqId: req.id }, 'could not audit a denied request');
    }
    return payload;
  });
}
