/** Property-based bad payloads over the supervision endpoints: never a 5xx, never a row changed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { as, tableDigest, testApp } from '../helpers.ts';

const { app, database } = await testApp();

const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  fc.boolean(),
  fc.constant(-1),
  fc.constant('2026-02-30'),
  fc.constant('00000000-0000-4000-8000-000000000000'),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);
const keys = [
  'kind',
  'changeDate',
  'particulars',
  'staffId',
  'toOrgId',
  'reason',
  'orgId',
  'year',
  'quarter',
  'staffIds',
  'category',
  'amountYuan',
  'status',
  'areaM2',
  'decision',
  'days',
  'fileName',
  'contentBase64',
  'heldOn',
  'topic',
  'topics',
  'rating',
  'evaluation',
  'post',
  'title',
  'body',
];
const payload = fc.dictionary(fc.constantFrom(...keys), junk, { maxKeys: 6 });

const endpoints: [method: 'post' | 'put', url: string, user: string][] = [
  ['post', '/api/personnel/filings', 'town01.clerk'],
  ['post', '/api/personnel/filings/00000000-0000-4000-8000-000000000000/decision', 'county.admin'],
  ['post', '/api/personnel/leaders', 'county.admin'],
  ['post', '/api/personnel/import', 'county.admin'],
  ['post', '/api/training/sessions', 'county.admin'],
  ['post', '/api/training/rotations', 'county.admin'],
  ['post', '/api/training/rotations/00000000-0000-4000-8000-000000000000/complete', 'county.admin'],
  ['put', '/api/environment/rooms', 'town01.clerk'],
  ['put', '/api/environment/equipment', 'town01.clerk'],
  ['put', '/api/environment/expenses', 'county.admin'],
  ['post', '/api/environment/rules', 'town01.clerk'],
  ['post', '/api/environment/posts', 'town01.clerk'],
  ['post', '/api/environment/rule-documents', 'county.admin'],
];

describe('bad payloads over the supervision endpoints', () => {
  it('answer 4xx and change nothing', async () => {
    const clients = new Map<string, Awaited<ReturnType<typeof as>>>();
    for (const u of new Set(endpoints.map((e) => e[2]))) clients.set(u, await as(app, u));
    const before = await tableDigest(database);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), payload, async ([method, url, user], body) => {
        const res = await clients.get(user)![method](url, body);
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)} → ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
    const queries = [
      '/api/dashboard/county?year=abc',
      '/api/dashboard/county?year=1999',
      '/api/dashboard/county?x=1',
      '/api/personnel/staff?status=gone',
      '/api/training/coverage?year=-1',
      '/api/environment/expenses',
    ];
    for (const q of queries) {
      const res = await clients.get('county.admin')!.get(q);
      expect(res.statusCode, q).toBe(400);
    }
    expect(await tableDigest(database)).toBe(before);
  });
});
