/**
 * Recipient groups (issue 13): the county office keeps named lists of orgs; a notice to the group
 * prints "各乡镇（区）党委、政府" in 主送 (GB/T 9704-2012 7.3.2; 条例 第九条 "同类型机关统称") and in the
 * outgoing register, and dispatch delivers to each member once. Refusals are 4xx in the caller's
 * language and write nothing; a township keeps no groups; another county's group is not found.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';
import { as, tableDigest, testApp } from '../helpers.ts';
import { countyActors, expectStatus, orgIds, type Actors, type Client } from '../documents/fixtures.ts';
import { readPdf } from '../print/pdf-reader.ts';

const TOWNSHIPS_GROUP = '各乡镇（区）党委、政府';
type Group = { id: string; name: string; memberOrgIds: string[]; memberNames: string[] };

let app: App;
let database: Database;
let a: Actors;
let townships: string[];
let byName: Map<string, string>;
let countyOffice: string;
let sysadmin: Client;
let town01: Client;

const groups = async (c: Client): Promise<Group[]> => (await c.get('/api/orgs/recipient-groups')).json().items;
const auditCount = async (action: string) =>
  Number((await database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = $1`, [action])).rows[0].n);

beforeAll(async () => {
  ({ app, database } = await testApp());
  a = await countyActors(app);
  ({ townships, byName, countyOffice } = await orgIds(a.clerk));
  sysadmin = await as(app, 'sysadmin');
  town01 = await as(app, 'town01.clerk');
});

describe('recipient groups: kept by the county office', () => {
  it('the demo seeds 各乡镇（区）党委、政府 (the 18 townships) and 县直各单位; every drafter lists them', async () => {
    const list = await groups(a.admin);
    const towns = list.find((g) => g.name === TOWNSHIPS_GROUP)!;
    expect(towns.memberOrgIds).toEqual(townships);
    expect(towns.memberNames).toHaveLength(18);
    expect(list.map((g) => g.name)).toContain('县直各单位');
    expect((await groups(town01)).map((g) => g.name)).toContain(TOWNSHIPS_GROUP);
  });

  it('creates, renames and deletes a group, each audited; the system administrator may too', async () => {
    const before = await auditCount('recipientGroup.create');
    const c = await a.admin.post('/api/orgs/recipient-groups', { name: '城区三镇', memberOrgIds: townships.slice(0, 3) });
    expectStatus(c, 201);
    const g = c.json() as Group;
    expect(g.memberNames).toHaveLength(3);
    expect(await auditCount('recipientGroup.create')).toBe(before + 1);
    const u = await sysadmin.put(`/api/orgs/recipient-groups/${g.id}`, { name: '城区四镇', memberOrgIds: townships.slice(0, 4) });
    expectStatus(u, 200);
    expect(u.json()).toMatchObject({ name: '城区四镇', memberOrgIds: townships.slice(0, 4) });
    expect(await auditCount('recipientGroup.update')).toBeGreaterThanOrEqual(1);
    expectStatus(await a.admin.delete(`/api/orgs/recipient-groups/${g.id}`), 200);
    expect((await groups(a.admin)).some((x) => x.id === g.id)).toBe(false);
    expect(await auditCount('recipientGroup.delete')).toBeGreaterThanOrEqual(1);
    // Deleted is a recorded state: the row stays, and the name is free again.
    const rows = await database.pool.query(`SELECT deleted_at FROM recipient_groups WHERE id = $1`, [g.id]);
    expect(rows.rows[0].deleted_at).not.toBeNull();
    expectStatus(await a.admin.post('/api/orgs/recipient-groups', { name: '城区四镇', memberOrgIds: townships.slice(0, 2) }), 201);
  });

  it('refuses bad groups with a message in the caller’s language, writing nothing', async () => {
    const digest = await tableDigest(database);
    const post = (body: unknown, lang = 'zh-CN') => a.admin.post('/api/orgs/recipient-groups', body, { 'accept-language': lang });
    const empty = await post({ name: '  ', memberOrgIds: townships.slice(0, 1) });
    expect(empty.statusCode).toBe(400);
    const unknown = await post({ name: '无效', memberOrgIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('RECIPIENT_GROUP_MEMBER_UNKNOWN');
    const dup = await post({ name: TOWNSHIPS_GROUP, memberOrgIds: townships.slice(0, 1) }, 'en');
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('already exists');
    const tw = await post({ name: TOWNSHIPS_GROUP, memberOrgIds: townships.slice(0, 1) }, 'zh-TW');
    expect(tw.json().error.message).toContain('分組');
    const twice = await post({ name: '重复', memberOrgIds: [townships[0], townships[0]] });
    expect(twice.json().error.code).toBe('RECIPIENT_GROUP_MEMBER_DUPLICATE');
    expect((await post({ name: '无成员', memberOrgIds: [] })).statusCode).toBe(400);
    expect((await post({ name: 'x', memberOrgIds: townships.slice(0, 1), extra: 1 })).statusCode).toBe(400);
    // Another county's org, and a township clerk who keeps no groups.
    const other = await database.pool.query(
      `WITH c AS (INSERT INTO orgs (kind, name, code) VALUES ('county', '邻县', 'LX') RETURNING id)
       INSERT INTO orgs (kind, name, code, parent_id) SELECT 'township', '邻县某镇', 'LX01', id FROM c RETURNING id`,
    );
    const outside = await post({ name: '跨县', memberOrgIds: [other.rows[0].id] });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.message).toContain('邻县某镇');
    expect((await town01.post('/api/orgs/recipient-groups', { name: '乡镇自建', memberOrgIds: townships.slice(1, 2) })).statusCode).toBe(
      403,
    );
    const seeded = (await groups(a.admin)).find((g) => g.name === TOWNSHIPS_GROUP)!;
    expect((await town01.delete(`/api/orgs/recipient-groups/${seeded.id}`)).statusCode).toBe(403);
    const missing = await a.admin.put('/api/orgs/recipient-groups/00000000-0000-4000-8000-000000000000', {
      name: 'x',
      memberOrgIds: townships.slice(0, 1),
    });
    expect(missing.statusCode).toBe(404);
    // Only the orgs row inserted above changed.
    await database.pool.query(`DELETE FROM orgs WHERE code IN ('LX01', 'LX')`);
    expect(await tableDigest(database)).toEqual(digest);
  });

  it('a group of another county is not found by this county', async () => {
    const c = await database.pool.query(`INSERT INTO orgs (kind, name, code) VALUES ('county', '远县', 'YX') RETURNING id`);
    const g = await database.pool.query(
      `INSERT INTO recipient_groups (org_id, name, member_org_ids, created_by)
       SELECT $1, '远县各乡镇', ARRAY[$1::uuid], id FROM users WHERE username = 'county.admin' RETURNING id`,
      [c.rows[0].id],
    );
    const id = g.rows[0].id as string;
    expect((await groups(a.admin)).some((x) => x.id === id)).toBe(false);
    expect((await a.admin.put(`/api/orgs/recipient-groups/${id}`, { name: '改名', memberOrgIds: townships.slice(0, 1) })).statusCode).toBe(
      404,
    );
    const draft = await a.clerk.post('/api/documents', { docType: '通知', title: '跨县分组', body: '正文', mainRecipientGroupIds: [id] });
    expect(draft.statusCode).toBe(404);
    expect(draft.json().error.code).toBe('RECIPIENT_GROUP_NOT_FOUND');
  });
});

describe('a notice to 各乡镇（区）党委、政府', () => {
  let docId: string;
  let group: Group;
  const title = '关于做好汛期值班值守工作的通知';

  it('is drafted to the group (县直各单位 copied), signed, numbered and dispatched: one delivery per member', async () => {
    group = (await groups(a.clerk)).find((g) => g.name === TOWNSHIPS_GROUP)!;
    const departments = (await groups(a.clerk)).find((g) => g.name === '县直各单位')!;
    const d = await a.clerk.post('/api/documents', {
      docType: '通知',
      title,
      body: '一、加强值班\n各乡镇要落实24小时值班。',
      // town01 named again beside the group: delivered once.
      mainRecipientOrgIds: [townships[0]],
      mainRecipientGroupIds: [group.id],
      copyRecipientGroupIds: [departments.id],
    });
    expectStatus(d, 201);
    docId = d.json().id;
    const view = await a.clerk.get(`/api/documents/${docId}`);
    expect(view.json()).toMatchObject({
      mainRecipientsText: TOWNSHIPS_GROUP,
      mainRecipientGroups: [{ id: group.id, name: TOWNSHIPS_GROUP }],
    });
    expect(view.json().mainRecipientOrgIds).toHaveLength(18);
    expectStatus(await a.clerk.post(`/api/documents/${docId}/submit`), 200);
    expectStatus(await a.admin.post(`/api/documents/${docId}/review`, { decision: 'approve', comment: '同意' }), 200);
    expectStatus(await a.leader.post(`/api/documents/${docId}/sign-off`, { opinion: '同意印发' }), 200);
    // Frozen: the group changing after sign-off does not change the signed document's recipients.
    expectStatus(
      await a.admin.put(`/api/orgs/recipient-groups/${group.id}`, { name: TOWNSHIPS_GROUP, memberOrgIds: townships.slice(0, 17) }),
      200,
    );
    expectStatus(await a.clerk.post(`/api/documents/${docId}/recheck`), 200);
    expectStatus(await a.clerk.post(`/api/documents/${docId}/number`), 200);
    const sent = await a.clerk.post(`/api/documents/${docId}/dispatch`, { channel: 'online' });
    expectStatus(sent, 200);
    const deliveries = (await a.clerk.get(`/api/documents/${docId}/deliveries`)).json().items as {
      recipientOrgId: string;
      recipientKind: string;
    }[];
    const main = deliveries.filter((x) => x.recipientKind === 'main').map((x) => x.recipientOrgId);
    expect(main.sort()).toEqual([...townships].sort());
    expect(new Set(deliveries.map((x) => x.recipientOrgId)).size).toBe(deliveries.length);
    expect(
      deliveries
        .filter((x) => x.recipientKind === 'copy')
        .map((x) => x.recipientOrgId)
        .sort(),
    ).toEqual([...departments.memberOrgIds].sort());
    // The 18th township sees it in its inbox.
    const town18 = await as(app, 'town18.clerk');
    const inbox = (await town18.get('/api/inbox?pageSize=200')).json().items as { documentId: string }[];
    expect(inbox.some((i) => i.documentId === docId)).toBe(true);
    // Put the group back for the other tests.
    expectStatus(await a.admin.put(`/api/orgs/recipient-groups/${group.id}`, { name: TOWNSHIPS_GROUP, memberOrgIds: townships }), 200);
  });

  it('the PDF prints 主送 as the group name, not eighteen names (GB/T 9704-2012 7.3.2)', async () => {
    const res = await a.clerk.get(`/api/documents/${docId}/pdf`);
    expectStatus(res, 200);
    const text = (await readPdf(res.rawPayload)).map((p) => p.items.map((i) => i.str).join('')).join('\n');
    expect(text).toContain(`${TOWNSHIPS_GROUP}：`);
    // 抄送 in the 版记 (7.4.2) by the group's name too.
    expect(text).toContain('抄送：县直各单位。');
    // No township's own name appears in the document (the body names none).
    const names = [...byName.entries()].filter(([, id]) => townships.includes(id)).map(([n]) => n);
    for (const n of names) expect(text).not.toContain(n);
    const meta = (await a.clerk.get(`/api/documents/${docId}/metadata`)).json();
    expect(meta.mainRecipients).toEqual([TOWNSHIPS_GROUP]);
  });

  it('the outgoing register shows the group name in its list and its Excel row', async () => {
    const reg = (await a.clerk.get(`/api/registers/outgoing?q=${encodeURIComponent(title)}`)).json();
    expect(reg.items[0].mainRecipients).toBe(TOWNSHIPS_GROUP);
    const xlsx = await a.clerk.get(`/api/registers/outgoing?format=xlsx&q=${encodeURIComponent(title)}`);
    expectStatus(xlsx, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = (wb.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => JSON.stringify(r));
    const row = rows.find((r) => r.includes(title) && !r.includes('关键词'))!;
    expect(row).toContain(TOWNSHIPS_GROUP);
    expect(row).not.toContain('城关镇');
  });

  it('a 请示 to a group is refused by 第十五条 (one main recipient); no main recipient at all is refused too', async () => {
    const q = await town01.post('/api/documents', {
      docType: '请示',
      title: '关于请求拨付经费的请示',
      body: '妥否，请批示。',
      mainRecipientGroupIds: [group.id],
    });
    expect(q.statusCode).toBeGreaterThanOrEqual(400);
    expect(q.statusCode).toBeLessThan(500);
    expect(
      (await a.clerk.post('/api/documents', { docType: '通知', title: '无主送', body: '正文', mainRecipientOrgIds: [] })).statusCode,
    ).toBe(400);
    // A group holding only the sender itself leaves no one to send to.
    const self = await a.admin.post('/api/orgs/recipient-groups', { name: '仅县委办', memberOrgIds: [countyOffice] });
    expectStatus(self, 201);
    const none = await a.clerk.post(
      '/api/documents',
      { docType: '通知', title: '无主送', body: '正文', mainRecipientGroupIds: [self.json().id] },
      { 'accept-language': 'en' },
    );
    expect(none.statusCode).toBe(422);
    expect(none.json().error.message).toContain('main recipient');
  });
});
