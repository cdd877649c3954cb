/** The shared parts of the modules' generated-bad-payload tests: a 5xx is a bug, a foreign id is never a 200. */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { client } from './helpers.ts';

type Client = ReturnType<typeof client>;
export type See = (url: string, res: { statusCode: number; body: string }) => void;

export const failOn5xx: See = (url, res) => {
  if (res.statusCode >= 500) throw new Error(`${url} → ${res.statusCode}: ${res.body.slice(0, 300)}`);
};

/** Fills every `:id` of a route template with the (possibly hostile) id, URL-encoded. */
export const fillId = (template: string, id: string) => template.replace(/:id/g, encodeURIComponent(id));

/** GETs of single records by another org's ids, random uuids and junk: never a 5xx, never a 200. */
export function refusedGets(c: Client, templates: string[], ids: fc.Arbitrary<string>, see: See, numRuns: number) {
  return fc.assert(
    fc.asyncProperty(fc.constantFrom(...templates), ids, async (t, id) => {
      const url = fillId(t, id);
      const res = await c.get(url);
      see(url, res);
      expect(res.statusCode).not.toBe(200);
    }),
    { numRuns },
  );
}

/** List endpoints with generated query strings: never a 5xx. */
export function survivingLists(c: Client, lists: string[], queries: fc.Arbitrary<Record<string, string>>, see: See, numRuns: number) {
  return fc.assert(
    fc.asyncProperty(fc.constantFrom(...lists), queries, async (path, q) => {
      const url = `${path}?${new URLSearchParams(q).toString()}`;
      see(url, await c.get(url));
    }),
    { numRuns },
  );
}
