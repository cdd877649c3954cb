/**
 * The buttons and the guard agree: for outgoing documents and incoming entries in every state, each
 * demo role's offered actions (allowedActions of the slip) are accepted by the service, and every
 * hidden action is refused with a 4xx.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { systemContext, type Actor } from '../../src/platform/context.ts';
import { LocalFileStorage } from '../../src/platform/files.ts';
import { uploadAttachment } from '../../src/modules/documents/attachments.service.ts';
import * as deliveries from '../../src/modules/documents/deliveries.service.ts';
import { DOCUMENT_ACTIONS, INCOMING_ACTIONS, deliveryPolicy } from '../../src/modules/documents/documents.policy.ts';
import * as documents from '../../src/modules/documents/documents.service.ts';
import { documentMetadata } from '../../src/modules/documents/documents.metadata.ts';
import * as incoming from '../../src/modules/documents/incoming.service.ts';
import * as flow from '../../src/modules/documents/flow.service.ts';
import { as, testApp } from '../helpers.ts';
import { expectPolicyAgreement, type AgreementCase } from '../support/policy-agreement.ts';
import { countyActors, expectStatus, orgIds, signedNotice, type Client } from './fixtures.ts';

const { app, database } = await testApp();
const db = database.db as Db;
const usernames = [
  'county.clerk',
  'county.admin',
  'county.leader',
  'county.head',
  'town01.clerk',
  'town01.leader',
  'town01.head',
  'town02.clerk',
  'finance.leader',
] as const;
type Username = (typeof usernames)[number];

const r = await db.execute<{ id: string; username: string; display_name: string; role: Actor['role']; org_id: string }>(
  sql`SELECT id, username, display_name, role, org_id FROM users WHERE username = ANY(${sql.raw(`ARRAY['${usernames.join("','")}']`)})`,
);
const actors = new Map<string, Actor>(
  r.rows.map((u) => [u.username, { userId: u.id, username: u.username, displayName: u.display_name, role: u.role, orgId: u.org_id }]),
);
const clients = new Map<Username, Client>();
for (const u of usernames) clients.set(u, await as(app, u));
const client = (u: Username) => clients.get(u)!;
const actor = (u: string) => actors.get(u)!;

interface Rec {
  id: string;
  who: Username;
}

async function offeredFor(url: string, who: Username): Promise<string[]> {
  const res = await client(who).get(url);
  return res.statusCode === 200 ? (res.json().allowedActions as string[]) : [];
}

async function casesFor(kind: 'documents' | 'incoming', records: Record<string, string>): Promise<AgreementCase<Rec>[]> {
  const cases: AgreementCase<Rec>[] = [];
  for (const [state, id] of Object.entries(records))
    for (const who of usernames)
      cases.push({ label: `${who} on ${state}`, record: { id, who }, offered: await offeredFor(`/api/${kind}/${id}`, who) });
  return cases;
}

describe('documents: allowedActions agree with the service', () => {
  it('outgoing documents in every state, for every demo role', async () => {
    const a = await countyActors(app);
    const { townships } = await orgIds(a.clerk);
    const recipients = [townships[0]!, townships[1]!];
    const draft = async (classification = 'none') => {
      const res = await a.clerk.post('/api/documents', {
        docType: '通知',
        title: '关于做好防汛工作的通知',
        body: classification === 'none' ? '各乡镇要高度重视。' : null,
        mainRecipientOrgIds: recipients,
        classification,
      });
      expectStatus(res, 201);
      return res.json().id as string;
    };
    const step = async (c: Client, id: string, p: string, body?: unknown) =>
      expectStatus(await c.post(`/api/documents/${id}/${p}`, body), 200);
    const upTo = async (target: string, classification = 'none') => {
      const id = await draft(classification);
      const path = ['in_review', 'reviewed', 'signed_off', 'numbered', 'dispatched'];
      for (const s of path) {
        if (s === 'in_review') await step(a.clerk, id, 'submit');
        if (s === 'reviewed') await step(a.admin, id, 'review', { decision: 'approve', comment: '' });
        if (s === 'signed_off') await step(a.leader, id, 'sign-off', { opinion: '同意' });
        if (s === 'numbered') {
          await step(a.clerk, id, 'recheck');
          await step(a.clerk, id, 'number');
        }
        if (s === 'dispatched')
          await step(a.clerk, id, 'dispatch', classification === 'none' ? { channel: 'online' } : { channel: 'paper', copies: 5 });
        if (s === target) break;
      }
      return id;
    };
    const returned = await upTo('in_review');
    await step(a.admin, returned, 'review', { decision: 'return', comment: '请修改' });
    const voided = await upTo('numbered');
    await step(a.clerk, voided, 'void', { reason: '内容有误' });
    // 会签 and the principal's signature (issue 13): a joint draft before and after its co-issuer countersigned, an upward one.
    const finance = (await orgIds(a.clerk)).byName.get('清溪县财政局')!;
    const joint = async (countersigned: boolean) => {
      const res = await a.clerk.post('/api/documents', {
        docType: '通知',
        title: '关于做好村级财务公开工作的通知',
        body: '各乡镇按月公开。',
        mainRecipientOrgIds: recipients,
        countersignOrgIds: [finance],
      });
      const id = res.json().id as string;
      await step(a.clerk, id, 'submit');
      if (countersigned) {
        await step(a.admin, id, 'review', { decision: 'approve', comment: '' });
        await step(client('finance.leader'), id, 'countersign', { decision: 'approve', opinion: '同意' });
      }
      return id;
    };
    const upward = async () => {
      const { countyOffice } = await orgIds(a.clerk);
      const res = await client('town01.clerk').post('/api/documents', {
        docType: '报告',
        title: '关于值班工作的报告',
        mainRecipientOrgIds: [countyOffice],
      });
      const id = res.json().id as string;
      await step(client('town01.clerk'), id, 'submit');
      await step(client('town01.leader'), id, 'review', { decision: 'approve', comment: '' });
      return id;
    };
    const records = {
      draft: await draft(),
      'joint in_review': await joint(false),
      'joint reviewed, countersigned': await joint(true),
      'upward reviewed': await upward(),
      in_review: await upTo('in_review'),
      returned,
      reviewed: await upTo('reviewed'),
      signed_off: await upTo('signed_off'),
      'signed_off, rechecked': await (async () => {
        const id = await upTo('signed_off');
        await step(a.clerk, id, 'recheck');
        return id;
      })(),
      numbered: await upTo('numbered'),
      'numbered (secret)': await upTo('numbered', 'secret'),
      dispatched: await upTo('dispatched'),
      void: voided,
      // 加签 (issue 13): while the added reviewer is pending, the review, its return and recall are theirs or refused.
      'in_review, reviewer added': await (async () => {
        const id = await upTo('in_review');
        await step(a.admin, id, 'add-reviewer', { userId: actor('county.leader').userId, note: '请分管领导把关' });
        return id;
      })(),
      'in_review, returned to review by the signer': await (async () => {
        const id = await upTo('signed_off');
        await step(a.clerk, id, 'return', { to: 'review', reason: '数据需再核' });
        return id;
      })(),
    };
    const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-files-'));
    const storage = new LocalFileStorage(filesDir);
    const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

    const results = await expectPolicyAgreement({
      db,
      actions: DOCUMENT_ACTIONS,
      cases: await casesFor('documents', records),
      attempt: (tx, rec, action) => {
        const ctx = systemContext(actor(rec.who));
        switch (action) {
          case 'edit':
            return documents.updateDocument(tx, ctx, rec.id, { remark: '已核对' });
          case 'submit':
            return documents.submitDocument(tx, ctx, rec.id);
          case 'review':
            return documents.reviewDocument(tx, ctx, rec.id, { decision: 'approve', comment: '' });
          case 'signOff':
            return documents.signOffDocument(tx, ctx, rec.id, { opinion: '同意' });
          case 'recheck':
            return documents.recheckDocument(tx, ctx, rec.id);
          case 'number':
            return documents.numberDocument(tx, ctx, rec.id);
          case 'dispatchOnline':
            return documents.dispatchDocument(tx, ctx, rec.id, { channel: 'online' });
          case 'dispatchPaper':
            return documents.dispatchDocument(tx, ctx, rec.id, { channel: 'paper', copies: 3 });
          case 'void':
            return documents.voidDocument(tx, ctx, rec.id, { reason: '重复' });
          case 'uploadAttachment':
            return uploadAttachment(tx, storage, ctx, rec.id, { fileName: '附件.pdf', bytes: pdfBytes });
          case 'viewDeliveries':
            return deliveries.receiptTable(tx, ctx, rec.id);
          case 'pdf':
            return documents.documentForPdf(tx, ctx.actor, rec.id);
          case 'ofd':
            return documents.documentForOfd(tx, ctx.actor, rec.id);
          case 'metadata':
            return documentMetadata(tx, ctx.actor, rec.id);
          case 'countersign':
            return documents.countersignDocument(tx, ctx, rec.id, { decision: 'approve', opinion: '同意' });
          case 'returnToDrafter':
            return flow.returnDocument(tx, ctx, rec.id, { to: 'drafter', reason: '请修改' });
          case 'returnToReview':
            return flow.returnDocument(tx, ctx, rec.id, { to: 'review', reason: '请重新核稿' });
          case 'recall':
            return flow.recallDocument(tx, ctx, rec.id);
          case 'addReviewer':
            return flow.addReviewer(tx, ctx, rec.id, {
              userId: actor(rec.who === 'county.leader' ? 'county.admin' : 'county.leader').userId,
              note: '',
            });
        }
        throw new Error(`no attempt for ${action}`);
      },
    });
    // Each action is offered to someone somewhere, so the table exercises every rule's accepting side.
    for (const action of DOCUMENT_ACTIONS)
      expect(
        results.some((x) => x.action === action && x.offered),
        action,
      ).toBe(true);
  });

  it('incoming entries in every state, for every demo role', async () => {
    const clerk = client('town01.clerk');
    const leader = client('town01.leader');
    const { countyOffice } = await orgIds(clerk);
    const register = async () => {
      const res = await clerk.post('/api/incoming', {
        senderOrgId: countyOffice,
        senderName: '县委办公室',
        title: '关于报送防汛值班表的通知',
        receivedDate: '2026-06-01',
      });
      expectStatus(res, 201);
      return res.json().id as string;
    };
    const step = async (c: Client, id: string, p: string, body: unknown) =>
      expectStatus(await c.post(`/api/incoming/${id}/${p}`, body), 200);
    const leaderId = actor('town01.leader').userId;
    const upTo = async (target: string) => {
      const id = await register();
      if (target === 'received') return id;
      if (target === 'returned') return (await step(clerk, id, 'screen', { decision: 'return', reason: '非本单位' }), id);
      if (target === 'circulating') {
        await step(clerk, id, 'screen', { decision: 'read' });
        await step(clerk, id, 'circulate', { userIds: [leaderId] });
        return id;
      }
      await step(clerk, id, 'screen', { decision: 'act' });
      if (target === 'accepted') return id;
      await step(clerk, id, 'propose', { proposal: '拟请领导阅示' });
      if (target === 'proposed') return id;
      await step(leader, id, 'instruct', { instruction: '请办公室落实' });
      if (target === 'instructed') return id;
      await step(clerk, id, 'assign', { handlerIds: [leaderId], deadline: '2099-12-31' });
      if (target === 'in_progress') return id;
      await step(clerk, id, 'close', { result: '已报送' });
      if (target === 'closed') return id;
      expectStatus(await clerk.post(`/api/incoming/${id}/reply`), 201);
      return id;
    };
    const records: Record<string, string> = {};
    for (const s of ['received', 'returned', 'circulating', 'accepted', 'proposed', 'instructed', 'in_progress', 'closed', 'replied'])
      records[s] = await upTo(s);

    const results = await expectPolicyAgreement({
      db,
      actions: INCOMING_ACTIONS,
      cases: await casesFor('incoming', records),
      attempt: (tx, rec, action) => {
        const ctx = systemContext(actor(rec.who));
        switch (action) {
          case 'screen':
            return incoming.screen(tx, ctx, rec.id, { decision: 'act' });
          case 'circulate':
            return incoming.circulate(tx, ctx, rec.id, [actor('town01.clerk').userId]);
          case 'read':
            return incoming.markRead(tx, ctx, rec.id, '');
          case 'propose':
            return incoming.propose(tx, ctx, rec.id, '拟请领导阅示');
          case 'instruct':
            return incoming.instruct(tx, ctx, rec.id, { instruction: '同意' });
          case 'assign':
            return incoming.assign(tx, ctx, rec.id, { handlerIds: [leaderId], deadline: '2099-12-31' });
          case 'remind':
            return incoming.remind(tx, ctx, rec.id, '');
          case 'close':
            return incoming.closeIncoming(tx, ctx, rec.id, '已办结');
          case 'reply':
            return incoming.replyIncoming(tx, ctx, rec.id, {});
        }
        throw new Error(`no attempt for ${action}`);
      },
    });
    for (const action of INCOMING_ACTIONS)
      expect(
        results.some((x) => x.action === action && x.offered),
        action,
      ).toBe(true);
  });

  it("the sender's actions on deliveries in every state (催收, 撤回, 补发), for every demo role", async () => {
    const a = await countyActors(app);
    const { townships } = await orgIds(a.clerk);
    const notice = async (title: string, to: string[]) => {
      const id = await signedNotice(a, to, { number: true, title });
      expectStatus(await a.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' }), 200);
      const items = (await a.clerk.get(`/api/documents/${id}/deliveries`)).json().items as { id: string; recipientOrgId: string }[];
      return { id, delivery: (org: string) => items.find((i) => i.recipientOrgId === org)!.id };
    };
    // town01 is the recipient of every delivery below, so its clerk meets the "sender only" refusal and town02 the 404.
    const recipient = townships[0]!;
    const town01 = client('town01.clerk');
    const deliveriesIn: Record<string, { doc: string; delivery: string }> = {};
    const keep = async (state: string, title: string, then?: (delivery: string) => Promise<void>) => {
      const n = await notice(title, [recipient]);
      const delivery = n.delivery(recipient);
      if (then) await then(delivery);
      deliveriesIn[state] = { doc: n.id, delivery };
    };
    await keep('pending', '关于报送秋粮收购进度的通知');
    await keep('pending, reminded just now', '关于报送冬季征兵进度的通知', async (d) =>
      expectStatus(await a.clerk.post(`/api/deliveries/${d}/remind`), 200),
    );
    await keep('acknowledged', '关于报送防汛物资清单的通知', async (d) =>
      expectStatus(await town01.post(`/api/deliveries/${d}/acknowledge`), 200),
    );
    await keep('returned', '关于报送安全生产台账的通知', async (d) =>
      expectStatus(await town01.post(`/api/deliveries/${d}/return`, { reason: '非本单位事项' }), 200),
    );
    await keep('withdrawn', '关于报送人口普查数据的通知', async (d) =>
      expectStatus(await a.clerk.post(`/api/deliveries/${d}/withdraw`), 200),
    );
    await keep('re-sent', '关于报送乡村振兴项目的通知', async (d) => {
      expectStatus(await town01.post(`/api/deliveries/${d}/return`, { reason: '附件缺页' }), 200);
      expectStatus(await a.clerk.post(`/api/deliveries/${d}/resend`), 200);
    });
    await keep('returned, document voided', '关于调整秋季值班安排的通知', async (d) => {
      expectStatus(await town01.post(`/api/deliveries/${d}/return`, { reason: '内容有误' }), 200);
    });
    expectStatus(await a.clerk.post(`/api/documents/${deliveriesIn['returned, document voided']!.doc}/void`, { reason: '重新发文' }), 200);

    const cases: AgreementCase<Rec>[] = [];
    for (const [state, { doc, delivery }] of Object.entries(deliveriesIn))
      for (const who of usernames) {
        const res = await client(who).get(`/api/documents/${doc}/deliveries`);
        const item =
          res.statusCode === 200
            ? (res.json().items as { id: string; allowedActions: string[] }[]).find((i) => i.id === delivery)
            : undefined;
        cases.push({ label: `${who} on a ${state} delivery`, record: { id: delivery, who }, offered: item?.allowedActions ?? [] });
      }
    const results = await expectPolicyAgreement({
      db,
      actions: deliveryPolicy.actions,
      cases,
      attempt: (tx, rec, action) => {
        const ctx = systemContext(actor(rec.who));
        switch (action) {
          case 'remind':
            return deliveries.remindDelivery(tx, ctx, rec.id, '');
          case 'withdraw':
            return deliveries.withdrawDelivery(tx, ctx, rec.id);
          case 'resend':
            return deliveries.resendDelivery(tx, ctx, rec.id, '');
        }
        throw new Error(`no attempt for ${action}`);
      },
    });
    for (const action of deliveryPolicy.actions)
      expect(
        results.some((x) => x.action === action && x.offered),
        action,
      ).toBe(true);
    // The recipient and another township are refused each sender action, as 403 and 404 (they are not told apart by the offer alone).
    expect(new Set(results.filter((x) => x.label.startsWith('town01.clerk')).map((x) => x.outcome))).toEqual(new Set([403]));
    expect(new Set(results.filter((x) => x.label.startsWith('town02.clerk')).map((x) => x.outcome))).toEqual(new Set([404]));
  });
});
