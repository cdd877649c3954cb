/**
 * Generated bad payloads at every endpoint of the assessment: never a 5xx, never a changed row.
 * The county admin and clerk aim at last year's final scheme (every step, edit and score refused
 * there, revisions and grade settings too) and at junk ids; a township clerk at this year's
 * published scheme (comments, evidence, the self-assessment and its confirmation, appeals are refused
 * at that step), at a draft it may not see and at another office's results and history.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { chinaYear } from '@township-office/domain/dates';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';
import { failOn5xx as see, fillId as fill, refusedGets, refusedWrites, survivingLists } from '../bad-payloads.ts';
import { as, tableDigest, testApp } from '../helpers.ts';

type Client = Awaited<ReturnType<typeof as>>;
let app: App;
let database: Database;
let admin: Client, clerk: Client, town02: Client;
let finalId = '';
let publishedId = '';
let draftId = '';
let appealId = '';
let town01Org = '';
const year = chinaYear();

beforeAll(async () => {
  ({ app, database } = await testApp());
  [admin, clerk, town02] = await Promise.all([as(app, 'county.admin'), as(app, 'county.clerk'), as(app, 'town02.clerk')]);
  const kindOf = async (y: number) =>
    (await admin.get(`/api/assessment/schemes?year=${y}`)).json().items.find((i: { targetKind: string }) => i.targetKind === 'township').id;
  finalId = await kindOf(year - 1);
  publishedId = await kindOf(year);
  appealId = (await admin.get(`/api/assessment/schemes/${finalId}`)).json().appeals[0].id;
  draftId = (
    await admin.post('/api/assessment/schemes', { year: 2035, targetKind: 'township', title: '草稿', copyFromSchemeId: null })
  ).json().id;
  town01Org = (await (await as(app, 'town01.clerk')).get('/api/me')).json().org.id;
  expect([finalId, publishedId, appealId, draftId, town01Org].every(Boolean)).toBe(true);
});

const junk = () =>
  fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), fc.constantFrom('', '..', '%00', '1 OR 1=1', "'; DROP TABLE assessment_schemes; --"));
const KEYS = [
  'year',
  'targetKind',
  'title',
  'copyFromSchemeId',
  'indicators',
  'closesOn',
  'grades',
  'code',
  'text',
  'adopted',
  'answer',
  'orgId',
  'score',
  'reason',
  'evidence',
  'entries',
  'newScore',
  'summary',
  'excellentShare',
  'excellentMin',
  'zzz',
];
const indicatorArb = fc.record(
  {
    code: fc.oneof(fc.constantFrom('1', '7', 'K1', ''), fc.string({ maxLength: 25 })),
    parentCode: fc.oneof(fc.constant(null), fc.constantFrom('1', 'Z'), fc.string()),
    name: fc.oneof(fc.string(), fc.constantFrom('\u0000', ' ', '\ud800')),
    weight: fc.oneof(fc.double(), fc.integer({ min: -10, max: 200 })),
    method: fc.oneof(fc.constantFrom('measured', 'manual', 'self', 'deduction', 'bonus'), fc.string()),
    metric: fc.oneof(fc.constant(null), fc.constantFrom('receipt_timeliness', 'no_such'), fc.string()),
    rule: fc.oneof(fc.constant(null), fc.jsonValue()),
  },
  { requiredKeys: [] },
);
const bodyArb = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom(...KEYS), fc.jsonValue()),
  fc.record({ indicators: fc.array(indicatorArb, { maxLength: 4 }) }),
  fc.record({
    orgId: fc.oneof(fc.constant(town01Org), fc.uuid()),
    code: fc.constantFrom('2.2', '4.1', '7', 'K1', 'J1', 'nope'),
    score: fc.oneof(fc.double(), fc.integer({ min: -20, max: 200 })),
    reason: fc.oneof(fc.string(), fc.constantFrom('', '\u0000')),
  }),
  fc.record({
    entries: fc.array(fc.record({ orgId: fc.uuid(), code: fc.string(), score: fc.double(), reason: fc.string() }), { maxLength: 3 }),
  }),
  fc.record({ closesOn: fc.oneof(fc.string(), fc.constantFrom('2020-01-01', '2026-02-30')), grades: fc.jsonValue() }),
  fc.record(
    { reason: fc.oneof(fc.string(), fc.constantFrom('', ' ', '\u0000')), indicators: fc.array(indicatorArb, { maxLength: 4 }) },
    { requiredKeys: [] },
  ),
  fc.record(
    { summary: fc.oneof(fc.string({ maxLength: 5000 }), fc.constantFrom('', '\u0000', ' ')), zzz: fc.jsonValue() },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      excellentShare: fc.oneof(fc.double(), fc.integer({ min: -2, max: 3 })),
      excellentMin: fc.oneof(fc.double(), fc.integer({ min: -10, max: 300 })),
      goodMin: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ),
);

/** Writes on a scheme, by the role allowed to make them (the county's on the final scheme, the office's on the published one). */
const COUNTY_POSTS = [
  '/api/assessment/schemes/:id/open-consultation',
  '/api/assessment/schemes/:id/publish',
  '/api/assessment/schemes/:id/open-self-assessment',
  '/api/assessment/schemes/:id/start-scoring',
  '/api/assessment/schemes/:id/open-notice',
  '/api/assessment/schemes/:id/finalise',
  '/api/assessment/schemes/:id/scores',
  '/api/assessment/schemes/:id/score-sheet',
  '/api/assessment/schemes/:id/revisions',
  '/api/assessment/schemes/:id/notice-document',
];
const OFFICE_POSTS = [
  '/api/assessment/schemes/:id/comments',
  '/api/assessment/schemes/:id/self-reports',
  '/api/assessment/schemes/:id/appeals',
  '/api/assessment/schemes/:id/self-assessment',
  '/api/assessment/schemes/:id/self-assessment/confirm',
];

it('answers every generated bad request with a 4xx (or a 200 read) and changes no row', async () => {
  const before = await tableDigest(database);
  const countyIds = fc.oneof(fc.constant(finalId), junk());
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...COUNTY_POSTS), countyIds, bodyArb, fc.boolean(), async (t, id, body, asClerk) => {
      const url = fill(t, id);
      const res = await (asClerk ? clerk : admin).post(url, body);
      see(url, res);
      expect(res.statusCode, `${url} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
    }),
    { numRuns: 250 },
  );
  await refusedWrites(
    (url, body) => admin.put(url, body),
    ['/api/assessment/schemes/:id/indicators', '/api/assessment/schemes/:id/grades'],
    countyIds,
    bodyArb,
    see,
    150,
  );
  await refusedWrites(
    (url, body) => admin.post(url, body),
    ['/api/assessment/comments/:id/answer', '/api/assessment/appeals/:id/answer'],
    fc.oneof(fc.constant(appealId), junk()),
    bodyArb,
    see,
    100,
  );
  await fc.assert(
    fc.asyncProperty(bodyArb, async (body) => {
      const res = await admin.post('/api/assessment/schemes', body);
      see('/api/assessment/schemes', res);
      expect(res.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
    }),
    { numRuns: 100 },
  );
  await refusedWrites(
    (url, body) => town02.post(url, body),
    [...OFFICE_POSTS, ...COUNTY_POSTS, '/api/assessment/schemes'],
    fc.oneof(fc.constant(publishedId), fc.constant(draftId), junk()),
    bodyArb,
    see,
    250,
  );
  // A draft and junk ids are not found for an office; another office's result is not found either.
  await refusedGets(
    town02,
    [
      '/api/assessment/schemes/:id',
      '/api/assessment/schemes/:id/results',
      '/api/assessment/schemes/:id/self-reports',
      '/api/assessment/schemes/:id/self-assessments',
      '/api/assessment/schemes/:id/versions',
    ],
    fc.oneof(fc.constant(draftId), junk()),
    see,
    100,
  );
  // Another office's history is not found either.
  await refusedGets(town02, ['/api/assessment/history?orgId=:id'], fc.oneof(fc.constant(town01Org), junk()), see, 30);
  await refusedGets(
    town02,
    [`/api/assessment/schemes/${publishedId}/results?orgId=:id`],
    fc.oneof(fc.constant(town01Org), junk()),
    see,
    30,
  );
  await survivingLists(
    town02,
    ['/api/assessment/schemes', '/api/assessment/metrics', `/api/assessment/schemes/${publishedId}/results`],
    fc.dictionary(fc.constantFrom('year', 'orgId', 'page', 'zzz'), fc.string({ maxLength: 20 })),
    see,
    60,
  );
  expect(await tableDigest(database)).toBe(before);
});
