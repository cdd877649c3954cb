/** Generated bad payloads at every endpoint of meetings, duty and reception: never a 5xx, never a changed row. */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';
import { failOn5xx as see, fillId as fill, refusedGets, survivingLists } from '../bad-payloads.ts';
import { as, login, tableDigest, testApp } from '../helpers.ts';

type Client = Awaited<ReturnType<typeof as>>;
let app: App;
let database: Database;
let town02: Client;
const ids: string[] = [];

beforeAll(async () => {
  ({ app, database } = await testApp());
  // Real records of town01 that town02 must not touch.
  const s = await login(app, 'town01.clerk');
  const l = await login(app, 'town01.leader');
  const c = await as(app, 'town01.clerk');
  const m = (
    await c.post('/api/meetings', {
      kind: 'other',
      title: '例会',
      startsAt: '2026-03-01T09:00:00+08:00',
      place: '会议室',
      hostUserId: l.me.id,
      recorderUserId: s.me.id,
      items: [{ title: '议题', decisions: ['决定'] }],
    })
  ).json();
  await c.post(`/api/meetings/${m.id}/finalise`);
  const f = (
    await c.post('/api/follow-ups', { meetingId: m.id, itemIndex: 0, decisionIndex: 0, ownerName: '王', deadline: '2026-04-01' })
  ).json();
  const e = (await c.post('/api/duty/log', { at: '2026-03-01T10:00:00+08:00', kind: 'incident', content: '事件' })).json();
  const h = (await c.post('/api/duty/handovers', { day: '2026-03-01', outgoingUserId: s.me.id, incomingUserId: l.me.id })).json();
  await c.post('/api/duty/roster/generate', { from: '2026-03-01', to: '2026-03-02', mode: 'daily', leaders: ['甲'], staff: ['乙'] });
  const sw = (await c.post('/api/duty/swaps', { day: '2026-03-01', role: 'staff', fromName: '乙', toName: '丙', reason: '事' })).json();
  const v = (
    await c.post('/api/visits', {
      visitDate: '2026-03-01',
      visitingUnit: '县委办',
      visitorNames: ['甲'],
      visitorCount: 1,
      purpose: '调研',
      hostName: '乙',
    })
  ).json();
  const p = (
    await c.post('/api/petitions', {
      receivedOn: '2026-03-01',
      channel: 'letter',
      petitioners: [{ name: '甲', phone: '13800000000' }],
      subject: '事',
      content: '事',
      category: 'other',
    })
  ).json();
  const holiday = (await (await as(app, 'county.admin')).get('/api/calendar/holidays')).json().items[0]?.id;
  ids.push(m.id, f.id, e.id, h.id, sw.id, v.id, p.id, ...(holiday ? [holiday] : []), '00000000-0000-4000-8000-000000000000');
  expect(ids.slice(0, 7).every(Boolean)).toBe(true);
  town02 = await as(app, 'town02.clerk');
});

const idArb = () =>
  fc.oneof(
    fc.constantFrom(...ids),
    fc.uuid(),
    fc.string({ maxLength: 40 }),
    fc.constantFrom('', '..', '%00', '2026-02-30', '1 OR 1=1', "'; DROP TABLE meetings; --"),
  );
const KEYS = [
  'kind',
  'title',
  'startsAt',
  'place',
  'hostUserId',
  'recorderUserId',
  'attendees',
  'items',
  'reason',
  'meetingId',
  'itemIndex',
  'decisionIndex',
  'ownerName',
  'deadline',
  'note',
  'on',
  'result',
  'closedOn',
  'from',
  'to',
  'mode',
  'leaders',
  'staff',
  'staffPerDay',
  'leaderName',
  'staffNames',
  'day',
  'role',
  'fromName',
  'toName',
  'at',
  'content',
  'reportUpward',
  'outgoingUserId',
  'incomingUserId',
  'visitDate',
  'visitingUnit',
  'visitorNames',
  'visitorCount',
  'purpose',
  'hostName',
  'costItems',
  'receivedOn',
  'channel',
  'petitioners',
  'subject',
  'category',
  'decidedOn',
  'notifiedOn',
  'days',
  'approvedBy',
  'approvedOn',
  'stage',
  'requestedOn',
  'organ',
  'answeredOn',
  'name',
  'startsOn',
  'endsOn',
  'extra',
];
const bodyArb = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom(...KEYS), fc.jsonValue()),
  fc.record({
    days: fc.integer({ min: -5, max: 400 }),
    reason: fc.string(),
    approvedBy: fc.string(),
    approvedOn: fc.string(),
    notifiedOn: fc.string(),
  }),
  fc.record({ leaderName: fc.constantFrom('', ' ', '\u0000'), staffNames: fc.array(fc.string(), { maxLength: 3 }) }),
);
const queryArb = fc.dictionary(
  fc.constantFrom(
    'page',
    'pageSize',
    'status',
    'format',
    'year',
    'orgId',
    'from',
    'to',
    'kind',
    'channel',
    'category',
    'overdue',
    'q',
    'today',
    'meetingId',
    'includeVoid',
    'reportedUpward',
    'zzz',
  ),
  fc.string({ maxLength: 20 }),
);

const POSTS = [
  '/api/meetings/:id/finalise',
  '/api/meetings/:id/confirm',
  '/api/meetings/:id/amendments',
  '/api/follow-ups/:id/progress',
  '/api/follow-ups/:id/close',
  '/api/duty/swaps/:id/approve',
  '/api/duty/swaps/:id/reject',
  '/api/duty/holidays/:id/submit',
  '/api/duty/log/:id/report',
  '/api/duty/handovers/:id/confirm',
  '/api/visits/:id/void',
  '/api/petitions/:id/reveal',
  '/api/petitions/:id/accept',
  '/api/petitions/:id/reject',
  '/api/petitions/:id/extend',
  '/api/petitions/:id/close',
  '/api/petitions/:id/review-request',
  '/api/petitions/:id/review-answer',
];
const PATCHES = ['/api/meetings/:id', '/api/visits/:id', '/api/duty/roster/:id'];
const CREATES = [
  '/api/meetings',
  '/api/follow-ups',
  '/api/duty/roster/generate',
  '/api/duty/swaps',
  '/api/duty/log',
  '/api/duty/handovers',
  '/api/calendar/holidays',
  '/api/visits',
  '/api/petitions',
];
const GETS = ['/api/meetings/:id', '/api/follow-ups/:id', '/api/visits/:id', '/api/petitions/:id', '/api/duty/holidays/:id/submissions'];
const LISTS = [
  '/api/meetings',
  '/api/follow-ups',
  '/api/follow-ups/overdue-by-org',
  '/api/meetings/exchange',
  '/api/people',
  '/api/duty/roster',
  '/api/duty/swaps',
  '/api/calendar/holidays',
  '/api/duty/log',
  '/api/duty/incident-reports',
  '/api/duty/handovers',
  '/api/duty/completeness',
  '/api/duty/days-kept',
  '/api/visits',
  '/api/petitions',
  '/api/petitions/stats',
  '/api/petitions/overdue-by-org',
];

it('answers every generated bad request with a 4xx (or a 200 read) and changes no row', async () => {
  const before = await tableDigest(database);
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...POSTS), idArb(), bodyArb, async (t, id, body) => {
      const url = fill(t, id);
      const res = await town02.post(url, body);
      see(url, res);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
    }),
    { numRuns: 300 },
  );
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...PATCHES), idArb(), bodyArb, async (t, id, body) => {
      const url = fill(t, id);
      const res = t.includes('roster') ? await town02.put(url, body) : await town02.patch(url, body);
      see(url, res);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
    }),
    { numRuns: 150 },
  );
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...CREATES), bodyArb, async (url, body) => {
      const res = await town02.post(url, body);
      see(url, res);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
    }),
    { numRuns: 300 },
  );
  await refusedGets(town02, GETS, idArb(), see, 100);
  await survivingLists(town02, LISTS, queryArb, see, 200);
  expect(await tableDigest(database)).toBe(before);
});
