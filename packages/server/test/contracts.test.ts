/**
 * Issue 15's contract rule, checked on the published OpenAPI document: every operation declares the
 * schema of its success response, so what a route sends is checked (and stripped of anything
 * undeclared) by the serializer, and the web's types can be inferred from the same domain schemas.
 */
import { describe, expect, it } from 'vitest';
import { PENDING_RESPONSE_SCHEMAS } from './contracts-pending.ts';
import { testApp } from './helpers.ts';

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }>; description?: string }> };

describe('API contracts', () => {
  it('every operation of the OpenAPI document declares its success response schema', async () => {
    const { app } = await testApp();
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThan(150);
    const missing = operations
      .filter(({ op }) => {
        const success = Object.entries(op.responses ?? {}).filter(([code]) => /^[23]\d\d$/.test(code));
        // A success response with a body schema, or an explicitly empty one (204, or 200 described as a file).
        return !success.some(([code, r]) => code === '204' || Object.values(r.content ?? {}).some((c) => c.schema !== undefined));
      })
      .map(({ name }) => name);
    const unlisted = missing.filter((name) => !PENDING_RESPONSE_SCHEMAS.includes(name));
    expect(unlisted, `operations without a success response schema:\n${unlisted.join('\n')}`).toEqual([]);
    const done = PENDING_RESPONSE_SCHEMAS.filter((name) => !missing.includes(name));
    expect(done, `these now declare their schema: remove them from contracts-pending.ts:\n${done.join('\n')}`).toEqual([]);
  });
});
