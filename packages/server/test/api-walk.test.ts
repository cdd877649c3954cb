/**
 * The whole API, walked from its OpenAPI document: every write operation gets generated bad
 * payloads as a role allowed to call it (never a 5xx, never a changed row), and every POST whose
 * body has no required fields accepts a call with no body at all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badRequests, fingerprint, urlOf, userFor, writeOperations, type Operation } from './bad-payloads.ts';
import { login, testApp, uniqueIp, type Session } from './helpers.ts';

const { app, database } = await testApp();
const ops = await writeOperations(app);
const sessions = new Map<string, Session>();

async function headersFor(op: Operation): Promise<Record<string, string>> {
  const user = userFor(op);
  if (!user) return {};
  let s = sessions.get(user);
  if (!s) sessions.set(user, (s = await login(app, user)));
  return { cookie: s.cookie, 'x-csrf-token': s.csrfToken };
}

/** Ends the caller's session: never sent anything, in either walk. */
const SESSION_ENDING = new Set(['/api/auth/logout']);
/** Without a body schema and without an id to miss, any call would really run: nothing "bad" to send. */
const runsForReal = (op: Operation) => !op.body && op.pathParams.length === 0;

describe('the whole API from its OpenAPI document', () => {
  it('names the role gate of every write operation', () => {
    expect(ops.length).toBeGreaterThan(100);
    const ungated = ops.filter((o) => !o.public && !o.action).map((o) => `${o.method} ${o.path}`);
    // Only the account's own session operations need no action beyond being signed in.
    expect(
      ungated.every((p) => p.includes('/api/auth/')),
      ungated.join(', '),
    ).toBe(true);
  });

  it('answers generated bad payloads at every write operation with a 4xx and changes no row', async () => {
    // Sign everyone in first: a login is audited, and the fingerprint counts audit rows.
    for (const op of ops) await headersFor(op);
    const before = await fingerprint(database);
    const kinds = new Map<string, number>();
    const started = Date.now();
    for (const op of ops) {
      if (SESSION_ENDING.has(op.path) || runsForReal(op)) continue;
      const headers = await headersFor(op);
      await fc.assert(
        fc.asyncProperty(badRequests(op), async (bad) => {
          const res = await app.inject({
            method: op.method,
            url: urlOf(op),
            headers: { ...headers, ...(bad.contentType ? { 'content-type': bad.contentType } : {}) },
            ...(bad.payload === undefined ? {} : { payload: bad.payload }),
            remoteAddress: uniqueIp(),
          });
          const where = `${op.method} ${op.path} [${bad.kind}] → ${res.statusCode} ${res.body.slice(0, 200)}`;
          expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, where).toBeLessThan(500);
          const err = res.json().error;
          expect(typeof err?.code, where).toBe('string');
          expect(err.message, where).not.toMatch(/Invalid input|expected [a-z]+, received|must match pattern/);
          kinds.set(bad.kind, (kinds.get(bad.kind) ?? 0) + 1);
        }),
        { numRuns: 6 },
      );
    }
    expect(await fingerprint(database)).toBe(before);
    expect(kinds.size).toBeGreaterThan(10);
    console.log(
      `bad payloads: ${[...kinds.values()].reduce((a, b) => a + b, 0)} requests over ${ops.length} write operations in ${Date.now() - started} ms`,
    );
  });

  it('accepts a POST with no body and no content type wherever the body has no required fields', async () => {
    const optional = ops.filter((o) => o.method === 'POST' && !o.needsFields && !o.multipart && !SESSION_ENDING.has(o.path));
    expect(optional.map((o) => o.path)).toEqual(
      expect.arrayContaining([
        '/api/documents/{id}/submit',
        '/api/documents/{id}/number',
        '/api/deliveries/{id}/acknowledge',
        '/api/deliveries/{id}/withdraw',
        '/api/deliveries/{id}/resend',
      ]),
    );
    for (const op of optional) {
      const res = await app.inject({ method: 'POST', url: urlOf(op), headers: await headersFor(op), remoteAddress: uniqueIp() });
      const where = `POST ${op.path} → ${res.statusCode} ${res.body.slice(0, 200)}`;
      expect(res.statusCode, where).toBeLessThan(500);
      // A state or not-found answer is fine; a complaint about the missing body is the bug.
      expect(res.body, where).not.toMatch(/expected object|received (undefined|null)|提交的内容应为一组字段|FST_ERR_CTP/);
    }
  });
});
