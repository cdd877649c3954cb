/** Generated bad payloads at every endpoint of the documents module: never a 5xx, never a changed row. */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';
import { failOn5xx, fillId, refusedGets, survivingLists, type See } from '../bad-payloads.ts';
import { as, tableDigest, testApp } from '../helpers.ts';
import { countyActors, orgIds, signedNotice, type Client } from './fixtures.ts';

let app: App;
let database: Database;
let town02: Client;
let county: Client;
const ids: string[] = [];

beforeAll(async () => {
  ({ app, database } = await testApp());
  const a = await countyActors(app);
  const { townships } = await orgIds(a.clerk);
  // Real records that town02 must not touch: a county document delivered to town01 only, its delivery, town01's incoming entry.
  const docId = await signedNotice(a, [townships[0]!], { number: true });
  await a.clerk.post(`/api/documents/${docId}/dispatch`, { channel: 'online' });
  const town01 = await as(app, 'town01.clerk');
  const delivery = (await town01.get('/api/inbox')).json().items[0].id;
  const other = await signedNotice(a, [townships[0]!], { number: true });
  await a.clerk.post(`/api/documents/${other}/dispatch`, { channel: 'online' });
  const pending = (await town01.get('/api/inbox?status=pending')).json().items[0].id;
  const inc = (await town01.post(`/api/deliveries/${delivery}/acknowledge`)).json().incomingId;
  ids.push(docId, delivery, inc, pending, '00000000-0000-4000-8000-000000000000');
  town02 = await as(app, 'town02.clerk');
  county = a.clerk;
});

const idArb = () =>
  fc.oneof(
    fc.constantFrom(...ids),
    fc.uuid(),
    fc.string({ maxLength: 40 }),
    fc.constantFrom('', '..', '%00', '1 OR 1=1', "'; DROP TABLE documents; --"),
  );
const bodyArb = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(
    fc.constantFrom(
      'docType',
      'title',
      'body',
      'mainRecipientOrgIds',
      'copyRecipientOrgIds',
      'urgency',
      'classification',
      'decision',
      'comment',
      'countersignOrgIds',
      'important',
      'opinion',
      'channel',
      'copies',
      'reason',
      'note',
      'userIds',
      'handlerIds',
      'deadline',
      'proposal',
      'instruction',
      'result',
      'reply',
      'senderName',
      'receivedDate',
      'extra',
    ),
    fc.jsonValue(),
  ),
  fc.record({
    docType: fc.string(),
    title: fc.string({ maxLength: 300 }),
    mainRecipientOrgIds: fc.array(fc.uuid(), { maxLength: 3 }),
    classification: fc.string(),
  }),
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
    'docType',
    'channel',
    'classification',
    'q',
    'zzz',
  ),
  fc.string({ maxLength: 20 }),
);

const POSTS = [
  '/api/documents/:id/submit',
  '/api/documents/:id/review',
  '/api/documents/:id/sign-off',
  '/api/documents/:id/number',
  '/api/documents/:id/dispatch',
  '/api/documents/:id/void',
  '/api/documents/:id/countersign',
  '/api/documents/:id/recheck',
  '/api/deliveries/:id/acknowledge',
  '/api/deliveries/:id/return',
  '/api/deliveries/:id/withdraw',
  '/api/deliveries/:id/remind',
  '/api/deliveries/:id/resend',
  '/api/incoming/:id/screen',
  '/api/incoming/:id/circulate',
  '/api/incoming/:id/read',
  '/api/incoming/:id/propose',
  '/api/incoming/:id/instruct',
  '/api/incoming/:id/assign',
  '/api/incoming/:id/remind',
  '/api/incoming/:id/close',
  '/api/incoming/:id/reply',
  '/api/documents/:id/attachments/:id/remove',
];
const GETS = [
  '/api/documents/:id',
  '/api/documents/:id/slip',
  '/api/incoming/:id/slip',
  '/api/documents/:id/deliveries',
  '/api/documents/:id/pdf',
  '/api/documents/:id/ofd',
  '/api/incoming/:id',
  '/api/documents/:id/attachments/:id',
];
const LISTS = [
  '/api/documents',
  '/api/inbox',
  '/api/incoming',
  '/api/registers/outgoing',
  '/api/registers/incoming',
  '/api/metrics/online-share',
];

it('answers every generated bad request with a 4xx (or an empty 200 list) and changes no row', async () => {
  const before = await tableDigest(database);
  const statuses = new Map<number, number>();
  const see: See = (url, res) => {
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    failOn5xx(url, res);
  };
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...POSTS), idArb(), bodyArb, async (t, id, body) => {
      const url = fillId(t, id);
      see(url, await town02.post(url, body));
    }),
    { numRuns: 300 },
  );
  await refusedGets(town02, GETS, idArb(), see, 100);
  await survivingLists(town02, LISTS, queryArb, see, 150);
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('/api/documents', '/api/incoming'), bodyArb, async (url, body) => {
      see(url, await county.post(url, body));
      see(url, await town02.post(url, body));
    }),
    { numRuns: 150 },
  );
  // multipart garbage at the upload endpoint
  for (const ct of ['multipart/form-data', 'multipart/form-data; boundary=x', 'text/plain', 'application/json']) {
    const url = `/api/documents/${ids[0]}/attachments`;
    see(url, await county.post(url, '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc\r\n--x--\r\n', { 'content-type': ct }));
  }
  expect(await tableDigest(database)).toBe(before);
  expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
});
