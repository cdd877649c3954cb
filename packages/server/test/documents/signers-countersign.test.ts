/**
 * Issue 13, who signs and 会签, through HTTP on the demo county:
 * - 党政机关公文处理工作条例 第二十二条: "重要公文和上行文由机关主要负责人签发" and "联合发文由所有联署机关的负责人会签";
 * - 第十五条: a 请示 goes to one main recipient and is not copied to subordinate orgs; a 报告 carries no 请示 matter (a warning);
 * - GB/T 9704-2012 7.2.6: 签发人 on every upward document; 7.2.4: the joint masthead with "文件" right of the issuers.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';
import { as, login, tableDigest, testApp } from '../helpers.ts';
import { linesOf, readPdf } from '../print/pdf-reader.ts';
import { countyActors, expectStatus, orgIds, type Actors, type Client } from './fixtures.ts';

let app: App;
let database: Database;
let a: Actors;
let byName: Map<string, string>;
let townships: string[];
let countyOffice: string;
let finance: string;
let town01: { clerk: Client; leader: Client; head: Client };
let countyHead: Client;
let financeLeader: Client;

const count = async (table: string) => Number((await database.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);
const pdfText = async (c: Client, id: string) => {
  const res = await c.get(`/api/documents/${id}/pdf`);
  expectStatus(res, 200);
  return readPdf(res.rawPayload);
};

beforeAll(async () => {
  ({ app, database } = await testApp());
  a = await countyActors(app);
  ({ byName, townships, countyOffice } = await orgIds(a.clerk));
  finance = byName.get('清溪县财政局')!;
  town01 = { clerk: await as(app, 'town01.clerk'), leader: await as(app, 'town01.leader'), head: await as(app, 'town01.head') };
  countyHead = await as(app, 'county.head');
  financeLeader = await as(app, 'finance.leader');
});

async function reviewed(clerk: Client, reviewer: Client, body: Record<string, unknown>): Promise<string> {
  const d = await clerk.post('/api/documents', { body: '一、基本情况\n工作按要求推进。', copyRecipientOrgIds: [], ...body });
  expectStatus(d, 201);
  const id = d.json().id as string;
  expectStatus(await clerk.post(`/api/documents/${id}/submit`), 200);
  expectStatus(await reviewer.post(`/api/documents/${id}/review`, { decision: 'approve', comment: '同意' }), 200);
  return id;
}

describe('who signs (条例 第二十二条)', () => {
  it('has a principal leader in every township and the county office', async () => {
    const me = (await town01.head.get('/api/me')).json();
    expect(me.user?.role ?? me.role).toBe('principal_leader');
    const r = await database.pool.query("SELECT count(*)::int AS n FROM users WHERE role = 'principal_leader' AND username LIKE '%.head'");
    expect(r.rows[0].n).toBe(19);
  });

  it('lets only the principal leader sign an upward 报告, and prints 签发人 with their name', async () => {
    const id = await reviewed(town01.clerk, town01.leader, {
      docType: '报告',
      title: '关于一季度值班工作情况的报告',
      mainRecipientOrgIds: [countyOffice],
    });
    const slip = (await town01.leader.get(`/api/documents/${id}`)).json();
    expect(slip.upward).toBe(true);
    expect(slip.allowedActions).not.toContain('signOff');
    expect((await town01.head.get(`/api/documents/${id}`)).json().allowedActions).toContain('signOff');

    const signOffs = async () =>
      Number(
        (await database.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'document.signOff' AND entity_id = $1", [id]))
          .rows[0].n,
      );
    const refused = await town01.leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意' });
    expectStatus(refused, 403);
    expect(refused.json().error.code).toBe('PRINCIPAL_MUST_SIGN');
    expect(refused.json().error.message).toContain('第二十二条');
    expect(await signOffs()).toBe(0);
    expect((await town01.clerk.get(`/api/documents/${id}`)).json().status).toBe('reviewed');

    expectStatus(await town01.head.post(`/api/documents/${id}/sign-off`, { opinion: '同意上报' }), 200);
    const doc = (await town01.clerk.get(`/api/documents/${id}`)).json();
    const head = await database.pool.query("SELECT display_name FROM users WHERE username = 'town01.head'");
    expect(doc.signerName).toBe(head.rows[0].display_name);
    const pages = await pdfText(town01.clerk, id);
    expect(linesOf(pages[0]!, 16).find((l) => l.text.includes('签发人'))?.text).toContain(`签发人：${doc.signerName}`);
  });

  it('prints 签发人 on an upward document of any type (a 函 to the county office), not on a downward one', async () => {
    const up = await reviewed(town01.clerk, town01.leader, {
      docType: '函',
      title: '关于商请支持村级活动场所建设的函',
      mainRecipientOrgIds: [countyOffice],
    });
    expectStatus(await town01.head.post(`/api/documents/${up}/sign-off`, { opinion: '同意' }), 200);
    expect(linesOf((await pdfText(town01.clerk, up))[0]!, 16).some((l) => l.text.includes('签发人'))).toBe(true);

    const down = await reviewed(a.clerk, a.admin, { docType: '通知', title: '关于做好防汛工作的通知', mainRecipientOrgIds: townships });
    expect((await a.clerk.get(`/api/documents/${down}`)).json().upward).toBe(false);
    expectStatus(await a.leader.post(`/api/documents/${down}/sign-off`, { opinion: '同意' }), 200);
    expect(linesOf((await pdfText(a.clerk, down))[0]!, 16).some((l) => l.text.includes('签发人'))).toBe(false);
  });

  it('sends an important document to the principal leader, and a downward ordinary one to any leader', async () => {
    const id = await reviewed(a.clerk, a.admin, {
      docType: '决定',
      title: '关于表彰2026年度办公室工作先进单位的决定',
      mainRecipientOrgIds: townships,
      important: true,
    });
    const refused = await a.leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意' });
    expectStatus(refused, 403);
    expect(refused.json().error.code).toBe('PRINCIPAL_MUST_SIGN');
    expectStatus(await countyHead.post(`/api/documents/${id}/sign-off`, { opinion: '同意印发' }), 200);
  });

  it('keeps the direction in step with the recipients: a draft turned upward needs the principal leader', async () => {
    const id = await reviewed(town01.clerk, town01.leader, {
      docType: '函',
      title: '关于协助做好值班工作的函',
      mainRecipientOrgIds: [townships[1]!],
    });
    expect((await town01.clerk.get(`/api/documents/${id}`)).json().upward).toBe(false);
    expectStatus(await town01.clerk.patch(`/api/documents/${id}`, { mainRecipientOrgIds: [countyOffice] }), 200);
    expect((await town01.clerk.get(`/api/documents/${id}`)).json().upward).toBe(true);
    expectStatus(await town01.leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意' }), 403);
  });
});

describe('复核 before numbering, 复审 by the original signer', () => {
  it('refuses numbering before 复核, rechecks once, and sends a substantive change back to the signer who signed', async () => {
    const id = await reviewed(a.clerk, a.admin, {
      docType: '通知',
      title: '关于做好秋季森林防火工作的通知',
      mainRecipientOrgIds: townships,
    });
    expectStatus(await a.leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意印发' }), 200);
    const before = await tableDigest(database);
    const early = await a.clerk.post(`/api/documents/${id}/number`);
    expectStatus(early, 409);
    expect(early.json().error.code).toBe('NOT_RECHECKED');
    // the leader may not recheck (the office does), and nothing was written
    expectStatus(await a.leader.post(`/api/documents/${id}/recheck`), 403);
    expect(await tableDigest(database)).toBe(before);

    // An action without input takes a POST with no body at all.
    const session = await login(app, 'county.clerk');
    const bare = await app.inject({
      method: 'POST',
      url: `/api/documents/${id}/recheck`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expectStatus(bare, 200);
    expect((await a.clerk.get(`/api/documents/${id}`)).json().recheckedByName).toBeTruthy();
    expectStatus(await a.clerk.post(`/api/documents/${id}/recheck`), 409);

    // a substantive change during 复核 goes back to the original signer for 复审
    expectStatus(await a.clerk.patch(`/api/documents/${id}`, { body: '一、工作要求\n各乡镇要落实防火责任。' }), 200);
    const back = (await a.clerk.get(`/api/documents/${id}`)).json();
    expect(back).toMatchObject({ status: 'reviewed', recheckedAt: null });
    const leaderName = (await database.pool.query("SELECT display_name FROM users WHERE username = 'county.leader'")).rows[0].display_name;
    expect(back.resignBy).toBe(leaderName);
    expect((await countyHead.get(`/api/documents/${id}`)).json().allowedActions).not.toContain('signOff');
    const other = await countyHead.post(`/api/documents/${id}/sign-off`, { opinion: '同意' });
    expectStatus(other, 403);
    expect(other.json().error.code).toBe('ORIGINAL_SIGNER_ONLY');
    expect(other.json().error.message).toContain(leaderName);
    expectStatus(await a.leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意修改后印发' }), 200);
    expect((await a.clerk.get(`/api/documents/${id}`)).json().resignBy).toBeNull();
    expectStatus(await a.clerk.post(`/api/documents/${id}/number`), 409);
    expectStatus(await a.clerk.post(`/api/documents/${id}/recheck`), 200);
    expectStatus(await a.clerk.post(`/api/documents/${id}/number`), 200);
  });
});

describe('metadata of what is not an electronic document', () => {
  it('answers 409 for a classified record and for a draft not yet signed, 404 for another org', async () => {
    const secret = await reviewed(a.clerk, a.admin, {
      docType: '通知',
      title: '关于开展保密检查的通知',
      body: null,
      mainRecipientOrgIds: townships,
      classification: 'secret',
    });
    expectStatus(await a.leader.post(`/api/documents/${secret}/sign-off`, { opinion: '同意' }), 200);
    const res = await a.clerk.get(`/api/documents/${secret}/metadata`);
    expectStatus(res, 409);
    expect(res.json().error.code).toBe('CLASSIFIED_NOT_ELECTRONIC');
    const draft = await a.clerk.post('/api/documents', { docType: '通知', title: '关于值班的通知', mainRecipientOrgIds: townships });
    expectStatus(await a.clerk.get(`/api/documents/${draft.json().id}/metadata`), 409);
    expectStatus(await town01.clerk.get(`/api/documents/${draft.json().id}/metadata`), 404);
    expectStatus(await a.clerk.get(`/api/documents/${secret}/metadata?format=docx`), 400);
  });
});

describe('答复: the reply (复文) as a linked draft', () => {
  async function closedEntry(classification = 'none', docNumber: string | null = '清委办发〔2026〕7号') {
    const c = town01.clerk;
    const res = await c.post('/api/incoming', {
      senderOrgId: countyOffice,
      senderName: '中共清溪县委办公室',
      docNumber,
      title: '关于报送防汛值班表的通知',
      docType: '通知',
      classification,
      receivedDate: '2026-06-01',
    });
    expectStatus(res, 201);
    const id = res.json().id as string;
    const leaderId = (await database.pool.query("SELECT id FROM users WHERE username = 'town01.leader'")).rows[0].id;
    const step = async (who: Client, path: string, body: unknown) => expectStatus(await who.post(`/api/incoming/${id}/${path}`, body), 200);
    await step(c, 'screen', { decision: 'act' });
    await step(c, 'propose', { proposal: '拟请领导阅示' });
    await step(town01.leader, 'instruct', { instruction: '请办公室落实' });
    await step(c, 'assign', { handlerIds: [leaderId], deadline: '2099-12-31' });
    await step(c, 'close', { result: '已报送' });
    return id;
  }

  it('drafts the reply to the sender quoting the original, links both records, and replies once', async () => {
    const id = await closedEntry();
    const res = await town01.clerk.post(`/api/incoming/${id}/reply`);
    expectStatus(res, 201);
    const documentId = res.json().documentId as string;
    expect(Object.keys(res.json())).toEqual(['documentId']);
    const doc = (await town01.clerk.get(`/api/documents/${documentId}`)).json();
    expect(doc).toMatchObject({
      status: 'draft',
      docType: '函',
      title: '关于报送防汛值班表的复函',
      mainRecipientOrgIds: [countyOffice],
      upward: true,
      replyTo: { incomingId: id, title: '关于报送防汛值班表的通知', docNumber: '清委办发〔2026〕7号' },
    });
    expect(doc.body).toContain('《关于报送防汛值班表的通知》（清委办发〔2026〕7号）收悉');
    const entry = (await town01.clerk.get(`/api/incoming/${id}`)).json();
    expect(entry.replyDocument).toEqual({ id: documentId, docNumber: null, title: '关于报送防汛值班表的复函' });
    expect(entry.allowedActions).not.toContain('reply');
    const twice = await town01.clerk.post(`/api/incoming/${id}/reply`);
    expectStatus(twice, 409);
    // the reply is signed by the principal (upward), numbered; the slip then shows its number
    expectStatus(await town01.clerk.post(`/api/documents/${documentId}/submit`), 200);
    expectStatus(await town01.leader.post(`/api/documents/${documentId}/review`, { decision: 'approve', comment: '' }), 200);
    expectStatus(await town01.head.post(`/api/documents/${documentId}/sign-off`, { opinion: '同意' }), 200);
    expectStatus(await town01.clerk.post(`/api/documents/${documentId}/recheck`), 200);
    const num = await town01.clerk.post(`/api/documents/${documentId}/number`);
    expectStatus(num, 200);
    expect((await town01.clerk.get(`/api/incoming/${id}`)).json().replyDocument.docNumber).toBe(num.json().docNumber);
  });

  it('refuses an online reply to a classified paper record, and writes nothing', async () => {
    const id = await closedEntry('secret', null);
    const before = await tableDigest(database);
    const res = await town01.clerk.post(`/api/incoming/${id}/reply`);
    expectStatus(res, 409);
    expect(res.json().error.code).toBe('CLASSIFIED_NO_ONLINE_REPLY');
    expect(await tableDigest(database)).toBe(before);
    expectStatus(await town01.clerk.post(`/api/incoming/${id}/reply`, { title: '' }), 400);
    expectStatus(await town01.clerk.post(`/api/incoming/${id}/reply`, { reply: '已报送' }), 400);
  });
});

describe('the rules of a 请示 (条例 第十五条)', () => {
  it('refuses a 请示 with two main recipients on drafting, editing and submitting, naming the article; nothing is written', async () => {
    const before = await tableDigest(database);
    const res = await town01.clerk.post('/api/documents', {
      docType: '请示',
      title: '关于申请维修办公用房的请示',
      body: '妥否，请批示。',
      mainRecipientOrgIds: [countyOffice, finance],
    });
    expectStatus(res, 422);
    expect(res.json().error.code).toBe('QINGSHI_ONE_MAIN_RECIPIENT');
    expect(res.json().error.message).toContain('第十五条');
    const en = await town01.clerk.post(
      '/api/documents',
      { docType: '请示', title: '关于申请维修办公用房的请示', mainRecipientOrgIds: [countyOffice, finance] },
      { 'accept-language': 'en' },
    );
    expect(en.json().error.message).toContain('Article 15');
    expect(await tableDigest(database)).toBe(before);

    const ok = await town01.clerk.post('/api/documents', {
      docType: '请示',
      title: '关于申请维修办公用房的请示',
      mainRecipientOrgIds: [countyOffice],
    });
    expectStatus(ok, 201);
    const id = ok.json().id;
    const patched = await town01.clerk.patch(`/api/documents/${id}`, { mainRecipientOrgIds: [countyOffice, finance] });
    expectStatus(patched, 422);
    expect(patched.json().error.message).toContain('第十五条');
    // A draft saved before the rule (written straight to the table) is held to it at submission.
    await database.pool.query('UPDATE documents SET main_recipient_org_ids = $2 WHERE id = $1', [id, [countyOffice, finance]]);
    const submitted = await town01.clerk.post(`/api/documents/${id}/submit`);
    expectStatus(submitted, 422);
    expect(submitted.json().error.code).toBe('QINGSHI_ONE_MAIN_RECIPIENT');
    expect((await town01.clerk.get(`/api/documents/${id}`)).json().status).toBe('draft');
  });

  it('refuses a 请示 copied to a subordinate org', async () => {
    const county = (await a.clerk.get('/api/orgs')).json().items.find((o: { kind: string }) => o.kind === 'county')?.id as
      string | undefined;
    const res = await a.clerk.post('/api/documents', {
      docType: '请示',
      title: '关于调整值班安排的请示',
      mainRecipientOrgIds: [county ?? finance],
      copyRecipientOrgIds: [townships[0]],
    });
    expectStatus(res, 422);
    expect(res.json().error.code).toBe('QINGSHI_NO_SUBORDINATE_COPY');
  });

  it('warns when a 报告 asks for approval, and not otherwise', async () => {
    const asks = await town01.clerk.post('/api/documents', {
      docType: '报告',
      title: '关于村级组织换届工作的报告',
      body: '一、基本情况\n换届工作顺利完成。\n以上报告妥否，请批示。',
      mainRecipientOrgIds: [countyOffice],
    });
    expectStatus(asks, 201);
    expect((await town01.clerk.get(`/api/documents/${asks.json().id}`)).json().warnings).toEqual(['REPORT_ASKS_APPROVAL']);
    const plain = await town01.clerk.post('/api/documents', {
      docType: '报告',
      title: '关于村级组织换届工作的报告',
      body: '一、基本情况\n换届工作顺利完成。\n特此报告。',
      mainRecipientOrgIds: [countyOffice],
    });
    expect((await town01.clerk.get(`/api/documents/${plain.json().id}`)).json().warnings).toEqual([]);
  });
});

describe('会签 of a joint document (条例 第二十二条)', () => {
  const joint = { docType: '通知', title: '关于做好村级财务公开工作的通知', mainRecipientOrgIds: [] as string[] };

  it('waits for every co-issuer, refuses the wrong countersigner, and prints both issuers and signatures', async () => {
    joint.mainRecipientOrgIds = townships;
    const d = await a.clerk.post('/api/documents', { ...joint, body: '一、工作要求\n各乡镇按月公开。', countersignOrgIds: [finance] });
    expectStatus(d, 201);
    const id = d.json().id as string;
    // not visible to the co-issuer while it is a bare draft
    expectStatus(await financeLeader.post(`/api/documents/${id}/countersign`, { decision: 'approve', opinion: '同意' }), 404);
    expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
    const seen = (await financeLeader.get(`/api/documents/${id}`)).json();
    expect(seen.allowedActions).toContain('countersign');
    expect(seen.allowedActions.filter((x: string) => !['countersign', 'pdf', 'ofd'].includes(x))).toEqual([]);
    expect(seen.countersigns).toEqual([expect.objectContaining({ orgId: finance, orgName: '清溪县财政局', status: 'pending' })]);

    expectStatus(await a.admin.post(`/api/documents/${id}/review`, { decision: 'approve', comment: '同意' }), 200);
    const early = await a.leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意' });
    expectStatus(early, 409);
    expect(early.json().error.code).toBe('COUNTERSIGN_PENDING');

    const rows = await count('document_countersigns');
    const notAsked = await a.leader.post(`/api/documents/${id}/countersign`, { decision: 'approve', opinion: '同意' });
    expectStatus(notAsked, 403);
    expect(notAsked.json().error.code).toBe('COUNTERSIGN_NOT_ASKED');
    expectStatus(await town01.leader.post(`/api/documents/${id}/countersign`, { decision: 'approve', opinion: '同意' }), 404);
    expect(await count('document_countersigns')).toBe(rows);

    expectStatus(await financeLeader.post(`/api/documents/${id}/countersign`, { decision: 'approve', opinion: '同意联合印发' }), 200);
    const twice = await financeLeader.post(`/api/documents/${id}/countersign`, { decision: 'approve', opinion: '同意' });
    expectStatus(twice, 409);
    expect(twice.json().error.code).toBe('COUNTERSIGN_DONE');
    expect(await count('document_countersigns')).toBe(rows + 1);
    const slip = (await a.clerk.get(`/api/documents/${id}`)).json();
    expect(slip.countersigns[0]).toMatchObject({ status: 'approved', opinion: '同意联合印发' });
    expect(slip.countersigns[0].userName).toBeTruthy();

    expectStatus(await a.leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意' }), 200);
    expectStatus(await a.clerk.post(`/api/documents/${id}/recheck`), 200);
    expectStatus(await a.clerk.post(`/api/documents/${id}/number`), 200);
    const [first, ...rest] = await pdfText(a.clerk, id);
    const red = first!.coloredText.filter((t) => t.color === '230,0,18').map((t) => t.text);
    expect(red).toEqual(['中共清溪县委办公室', '清溪县财政局', '文件']);
    // 7.2.4: "文件" right of the names and centred on them
    const size = Math.max(...first!.items.map((i) => i.size));
    const [lead, suffix, co] = linesOf(first!, size);
    expect([lead, suffix, co].map((l) => l?.text.replace(/\s/g, ''))).toEqual(['中共清溪县委办公室', '文件', '清溪县财政局']);
    // each name spread to one width (分散对齐), the lead org on top
    expect(Math.abs(co!.left - lead!.left)).toBeLessThan(1);
    expect(Math.abs(co!.right - lead!.right)).toBeLessThan(size);
    expect(suffix!.left).toBeGreaterThan(lead!.right);
    expect(Math.abs(suffix!.baseline - (lead!.baseline + co!.baseline) / 2)).toBeLessThan(0.5);
    // the signatures: the lead org first, the co-issuer on the line below
    const all = [first!, ...rest].flatMap((p) => linesOf(p, 16));
    const s1 = all.findIndex((l) => l.text === '中共清溪县委办公室');
    expect(all[s1 + 1]?.text).toBe('清溪县财政局');

    // GB/T 33480 metadata, JSON and XML, once dispatched
    expectStatus(await a.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' }), 200);
    const meta = await a.clerk.get(`/api/documents/${id}/metadata`);
    expectStatus(meta, 200);
    const m = meta.json();
    const doc = (await a.clerk.get(`/api/documents/${id}`)).json();
    expect(m).toMatchObject({
      docNumber: doc.docNumber,
      docType: '通知',
      title: joint.title,
      issuer: '中共清溪县委办公室',
      coIssuers: ['清溪县财政局'],
      masthead: '中共清溪县委办公室、清溪县财政局文件',
      signer: doc.signerName,
      writtenDate: doc.writtenDate,
      urgency: '',
      classification: '',
      copyRecipients: [],
      printedBy: '中共清溪县委办公室',
    });
    expect(m.mainRecipients).toHaveLength(18);
    expect(m.printedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const xml = await a.clerk.get(`/api/documents/${id}/metadata?format=xml`);
    expectStatus(xml, 200);
    expect(xml.headers['content-type']).toMatch(/^application\/xml/);
    expect(xml.body).toContain(`<docNumber>${doc.docNumber}</docNumber>`);
    expect(xml.body).toContain('<coIssuers><item>清溪县财政局</item></coIssuers>');
    expect(xml.body.match(/<item>/g)!.length).toBeGreaterThanOrEqual(18 + 1 + 2);
    // a township it was sent to reads the same metadata
    expectStatus(await town01.clerk.get(`/api/documents/${id}/metadata`), 200);
  });

  it('goes back to the drafter when a co-issuer returns it, and starts a new round on resubmission', async () => {
    const d = await a.clerk.post('/api/documents', { ...joint, body: '各乡镇按月公开。', countersignOrgIds: [finance] });
    const id = d.json().id as string;
    expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
    expectStatus(await financeLeader.post(`/api/documents/${id}/countersign`, { decision: 'return', opinion: '请补充资金公开内容' }), 200);
    const back = (await a.clerk.get(`/api/documents/${id}`)).json();
    expect(back).toMatchObject({ status: 'returned', reviewComment: '请补充资金公开内容' });
    expect(back.countersigns[0]).toMatchObject({ status: 'returned', opinion: '请补充资金公开内容' });
    expectStatus(await financeLeader.post(`/api/documents/${id}/countersign`, { decision: 'approve', opinion: '同意' }), 409);
    expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
    expect((await a.clerk.get(`/api/documents/${id}`)).json().countersigns[0].status).toBe('pending');
  });

  it('refuses a countersigning org that is the drafter itself, listed twice, unknown, or also a recipient', async () => {
    const before = await tableDigest(database);
    for (const ids of [[countyOffice], [finance, finance], ['7d0c5a51-9b9e-4c47-8f4e-3b0f3c6f2a10'], [townships[0]!]]) {
      const res = await a.clerk.post('/api/documents', { ...joint, mainRecipientOrgIds: townships, countersignOrgIds: ids });
      expectStatus(res, 422);
      expect(res.json().error.code).toBe('COUNTERSIGN_ORG_INVALID');
    }
    expect(await tableDigest(database)).toBe(before);
  });

  it('answers generated bad payloads at the new endpoint and fields with a 4xx and changes no row', async () => {
    const d = await a.clerk.post('/api/documents', { ...joint, mainRecipientOrgIds: townships, countersignOrgIds: [finance] });
    const id = d.json().id as string;
    expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
    const before = await tableDigest(database);
    const body = fc.oneof(
      fc.jsonValue(),
      fc
        .record(
          {
            decision: fc.oneof(fc.string(), fc.constantFrom('approve', 'return', 'APPROVE', '')),
            opinion: fc.oneof(fc.string({ maxLength: 1200 }), fc.jsonValue()),
          },
          { requiredKeys: [] },
        )
        .map((r) => ({ ...r, ...(r.decision === 'approve' || r.decision === 'return' ? { opinion: '' } : {}) })),
      fc.record({ decision: fc.constantFrom('approve', 'return'), opinion: fc.constantFrom('同意', 'ok'), extra: fc.jsonValue() }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const res = await financeLeader.post(`/api/documents/${id}/countersign`, payload);
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().filter((v) => !(Array.isArray(v) && v.length === 0)),
          fc.array(fc.oneof(fc.uuid(), fc.string()), { minLength: 1, maxLength: 12 }),
          fc.constant(Array(11).fill(finance)),
        ),
        async (countersignOrgIds) => {
          const res = await a.clerk.post('/api/documents', { ...joint, mainRecipientOrgIds: townships, countersignOrgIds });
          expect(res.statusCode).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
    expect(await tableDigest(database)).toBe(before);
  });

  it('shows a wrong state in English with English state names', async () => {
    const d = await a.clerk.post('/api/documents', { ...joint, mainRecipientOrgIds: townships, countersignOrgIds: [finance] });
    const res = await a.clerk.post(`/api/documents/${d.json().id}/number`, undefined, { 'accept-language': 'en' });
    expectStatus(res, 409);
    expect(res.json().error.message).toBe('The document is "Draft"; it cannot be numbered now.');
  });
});
