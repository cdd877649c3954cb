/**
 * Every server test file fails if its code queued a query on a connection that was still executing
 * one: pg deprecates it (and will refuse it in pg@9), and it means a `Promise.all` over a transaction
 * ran its reads one after another anyway. pg warns once per process; this records each occurrence
 * with the test it happened in (the same condition pg checks, in `Client.prototype.query`).
 */
import pg from 'pg';
import { afterAll, expect } from 'vitest';

type Queued = { queued?: string[] };
const g = globalThis as Queued;
if (!g.queued) {
  const seen: string[] = [];
  g.queued = seen;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client & { _queryQueue?: unknown[]; pipeline?: boolean }, ...args: unknown[]) {
    if ((this._queryQueue?.length ?? 0) > 0 && !this.pipeline) {
      seen.push(expect.getState().currentTestName ?? '(outside a test)');
      // QUEUED_STACKS=1 prints the queued statement (the stack is lost in pg's promise chain).
      if (process.env.QUEUED_STACKS) console.log('QUEUED', String((args[0] as { text?: string })?.text ?? args[0]).slice(0, 300));
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
}

afterAll(() => {
  const queued = [...new Set(g.queued!.splice(0))];
  expect(queued, 'a query was queued on a busy connection: inside a transaction run reads one after another (allOn, db/client.ts)').toEqual(
    [],
  );
});
