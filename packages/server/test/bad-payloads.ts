/**
 * The shared parts of the generated-bad-payload tests: a 5xx is a bug, a foreign id is never a 200,
 * and the whole-API walk over every write operation of the OpenAPI document.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { client } from './helpers.ts';
import type { Role } from '@township-office/domain/roles';
import { roleMay, type Action } from '@township-office/domain/permissions';
import type { App } from '../src/platform/app-types.ts';
import type { Database } from '../src/db/client.ts';
import { tableDigest } from './helpers.ts';

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

/** Generated bad bodies at each path template (its :id drawn from `ids`): every answer a 4xx, never a 5xx. */
export function refusedWrites(
  send: (url: string, body: unknown) => Promise<{ statusCode: number; body: string }>,
  templates: string[],
  ids: fc.Arbitrary<string>,
  bodies: fc.Arbitrary<unknown>,
  see: See,
  numRuns: number,
) {
  return fc.assert(
    fc.asyncProperty(fc.constantFrom(...templates), ids, bodies, async (t, id, body) => {
      const url = fillId(t, id);
      const res = await send(url, body);
      see(url, res);
      expect(res.statusCode, `${url} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
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

// ---------------------------------------------------------------------------------------------
// The whole-API walk: every write operation of the OpenAPI document, as a role allowed to call it.

type JsonSchema = {
  type?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

export interface Operation {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path, `{id}` style. */
  path: string;
  action?: Action;
  public: boolean;
  body?: JsonSchema;
  /** The body is an object with at least one required field (so "no body" must be refused). */
  needsFields: boolean;
  pathParams: string[];
  multipart: boolean;
}

/** Every POST/PUT/PATCH/DELETE the app documents, with its role gate (`x-action`, see platform/input.ts). */
export async function writeOperations(app: App): Promise<Operation[]> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<string, { 'x-action'?: Action; 'x-public'?: boolean; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>
    >;
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(methods)) {
      const method = m.toUpperCase();
      if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
      const content = op.requestBody?.content ?? {};
      const body = content['application/json']?.schema;
      const needsFields = !!body && (body.type !== 'object' || (body.required ?? []).length > 0);
      ops.push({
        method: method as Operation['method'],
        path,
        action: op['x-action'],
        public: op['x-public'] === true,
        body,
        needsFields,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!),
        multipart: 'multipart/form-data' in content,
      });
    }
  }
  return ops;
}

/** A demo account of each role (packages/server/src/seed/demo-county.ts). */
export const USER_OF_ROLE: Record<Role, string> = {
  county_staff: 'county.clerk',
  county_admin: 'county.admin',
  office_staff: 'town01.clerk',
  leader_in_charge: 'town01.leader',
  principal_leader: 'town01.head',
  system_admin: 'sysadmin',
  security_admin: 'secadmin',
  audit_admin: 'auditor',
  // not in the demo template: test/dashboard/province.test.ts adds the province and its accounts
  province_admin: 'province.admin',
  province_staff: 'province.viewer',
};
const ROLE_ORDER: Role[] = [
  'county_staff',
  'county_admin',
  'office_staff',
  'leader_in_charge',
  'principal_leader',
  'system_admin',
  'security_admin',
  'audit_admin',
];

/** The account to call an operation as: null for a public one. */
export function userFor(op: Operation): string | null {
  if (op.public) return null;
  if (!op.action) return USER_OF_ROLE.county_staff;
  const role = ROLE_ORDER.find((r) => roleMay(r, op.action!));
  return role ? USER_OF_ROLE[role] : USER_OF_ROLE.county_staff;
}

/** The URL of an operation with each path parameter filled (a random uuid reaches validation, then a 404). */
export const urlOf = (op: Operation, fill = '7d0c5a51-9b9e-4c47-8f4e-3b0f3c6f2a10') =>
  op.path.replace(/\{\w+\}/g, encodeURIComponent(fill));

export interface BadRequest {
  kind: string;
  payload?: string;
  contentType?: string;
}

const stringFields = (s: JsonSchema | undefined): string[] => Object.keys(s?.properties ?? {});

function wrongValue(s: JsonSchema | undefined): unknown {
  const t = s?.type;
  if (t === 'string') return 12345;
  if (t === 'number' || t === 'integer') return 'not-a-number';
  if (t === 'boolean') return 'yes';
  if (t === 'array') return { not: 'a list' };
  if (t === 'object') return ['not', 'an', 'object'];
  return { unexpected: true };
}

/** NUL, lone surrogates, 1 MB strings, 1,000-deep nesting, 100k-item arrays, wrong content types, empty bodies, wrong types per field. */
export function badRequests(op: Operation): fc.Arbitrary<BadRequest> {
  const fields = stringFields(op.body);
  const field = fields.length > 0 ? fc.constantFrom(...fields) : fc.constant('note');
  const json = (v: unknown) => JSON.stringify(v);
  const kinds: fc.Arbitrary<BadRequest>[] = [
    fc
      .tuple(field, fc.constantFrom('a\u0000b', '\u0000', '中文\u0000'))
      .map(([f, v]) => ({ kind: 'nul', payload: json({ [f]: v }), contentType: 'application/json' })),
    fc
      .tuple(field, fc.constantFrom('\uD800', 'x\uDFFFy', '\uDBFF\uDBFF'))
      .map(([f, v]) => ({ kind: 'lone surrogate', payload: json({ [f]: v }), contentType: 'application/json' })),
    // Every field NUL at once: a schema's own check, or the edge guard, must catch the first.
    fc.constant({
      kind: 'all fields nul',
      payload: json(Object.fromEntries((fields.length ? fields : ['x']).map((f) => [f, 'v\u0000']))),
      contentType: 'application/json',
    }),
    field.map((f) => ({ kind: '1 MB string', payload: json({ [f]: 'x'.repeat(1_100_000) }), contentType: 'application/json' })),
    fc.constant({ kind: '1,000-deep nesting', payload: '{"a":'.repeat(1000) + '1' + '}'.repeat(1000), contentType: 'application/json' }),
    field.map((f) => ({
      kind: '100k-item array',
      payload: `{"${f}":[${new Array(100_000).fill('0').join(',')}]}`,
      contentType: 'application/json',
    })),
    fc
      .constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data')
      .map((ct) => ({ kind: `content type ${ct}`, payload: 'a=1&b=2', contentType: ct })),
    fc
      .constantFrom('null', '[]', '"text"', '42', '{', '{"a":1,}')
      .map((p) => ({ kind: `json ${p}`, payload: p, contentType: 'application/json' })),
    field.map((f) => ({
      kind: 'wrong type',
      payload: json({ [f]: wrongValue(op.body?.properties?.[f]) }),
      contentType: 'application/json',
    })),
  ];
  // Nothing at all is a valid call of an input-less action; without an id to miss it would really
  // run (and write), so it is only generated where fields are required or an id is in the path.
  if (op.needsFields || op.pathParams.length > 0) {
    kinds.push(
      fc.constantFrom<BadRequest>(
        { kind: 'no body', payload: undefined, contentType: undefined },
        { kind: 'empty json body', payload: '', contentType: 'application/json' },
      ),
    );
  }
  return fc.oneof(...kinds);
}

/**
 * A cheap whole-database fingerprint: every business row's digest, plus the count of audit rows of
 * writes. Refused requests are audited on purpose (access.denied rows, platform/audit-denied.ts),
 * so those rows are the one thing a refused bad payload may add.
 */
export async function fingerprint(database: Database): Promise<string> {
  const audit = (await database.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action NOT LIKE 'access.denied%'")).rows[0]
    .n as number;
  return `${await tableDigest(database)}\naudit:${audit}`;
}
