/**
 * Issue 15's contract rule, checked on the published OpenAPI document: every operation declares the
 * schema of its success response, so what a route sends is checked (and stripped of anything
 * undeclared) by the serializer, and the web's types can be inferred from the same domain schemas.
 */
import { describe, expect, it } from 'vitest';
import { testApp } from './helpers.ts';

/** Operations that exist only to refuse (a filed archive item never changes): they declare the refusal's body instead. */
const REFUSAL_ONLY = ['PUT /api/archives/items/{id}', 'PATCH /api/archives/items/{id}'];

type Response = { content?: Record<string, { schema?: unknown }>; description?: string };
type Operation = { responses?: Record<string, Response> };

const hasBody = (r: Response) => Object.values(r.content ?? {}).some((c) => c.schema !== undefined);

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
    const responses = (op: Operation, status: RegExp) => Object.entries(op.responses ?? {}).filter(([code]) => status.test(code));
    const missing = operations
      .filter(({ name }) => !REFUSAL_ONLY.includes(name))
      // A success response with a body schema, or an explicitly empty one (204, or 200 described as a file).
      .filter(({ op }) => !responses(op, /^[23]\d\d$/).some(([code, r]) => code === '204' || hasBody(r)))
      .map(({ name }) => name);
    expect(missing, `operations without a success response schema:\n${missing.join('\n')}`).toEqual([]);
    for (const name of REFUSAL_ONLY) {
      const op = operations.find((o) => o.name === name)?.op;
      expect(op, `${name} is in the document`).toBeDefined();
      expect(responses(op!, /^[23]\d\d$/), `${name} never succeeds`).toEqual([]);
      expect(
        responses(op!, /^4\d\d$/).some(([, r]) => hasBody(r)),
        `${name} declares its refusal`,
      ).toBe(true);
    }
  });
});
