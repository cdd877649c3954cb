/**
 * Demo county, alive this week: on top of the history the other steps wrote, every demo account
 * opens its workbench on real pending work, relative to the day the demo is seeded —
 * - a county notice dispatched yesterday that 5 townships have not acknowledged yet, and an
 *   earlier urgent notice one township has left for over 24 hours;
 * - an upward report from town01 the county office has accepted and must propose (拟办) on;
 * - in every township and the county office, an incoming document waiting for the leader's 批示;
 * - an overdue follow-up (督办) in every township;
 * - a petition at town01 whose written acceptance notice is due in 2 days (信访工作条例 第二十三条,
 *   computed by the petitions service from the day received);
 * - today's duty at town01 with a handover waiting for the clerk's confirmation;
 * - a staff filing from town01 waiting for the county's acknowledgement.
 * The document chains go through the documents services (their audit rows and deliveries are the
 * real ones); the per-township rows are written in bulk, with one audit row for the batch.
 */
import { sql } from 'drizzle-orm';
import { chinaToday } from '@township-office/domain/dates';
import { formatIncomingSerial } from '@township-office/domain/documents';
import { writeAudit } from '../platform/audit.ts';
import { systemContext, type RequestContext } from '../platform/context.ts';
import type { UserRow } from '../modules/accounts/accounts.tables.ts';
import {
  dispatchDocument,
  draftDocument,
  numberDocument,
  recheckDocument,
  reviewDocument,
  signOffDocument,
  submitDocument,
} from '../modules/documents/documents.service.ts';
import { acknowledgeDelivery } from '../modules/documents/deliveries.service.ts';
import { screen } from '../modules/documents/incoming.service.ts';
import { registerPetition } from '../modules/reception/petitions.service.ts';
import { submitFiling } from '../modules/personnel/personnel.service.ts';
import type { SeedContext, SeedStep } from './seed-context.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const dayOffset = (s: SeedContext, days: number) => chinaToday(new Date(s.today.getTime() + days * DAY));

function ctxOf(u: UserRow): RequestContext {
  return systemContext({ userId: u.id, username: u.username, displayName: u.displayName, role: u.role, orgId: u.orgId }, 'seed');
}

/** Draft → 核稿 → 签发 → 编号 → 分发 online, each step by the person whose step it is; returns the document id. */
async function issue(
  s: SeedContext,
  clerk: UserRow,
  reviewer: UserRow,
  signer: UserRow,
  draft: Parameters<typeof draftDocument>[2],
): Promise<string> {
  const c = ctxOf(clerk);
  const doc = await draftDocument(s.db, c, draft);
  await submitDocument(s.db, c, doc.id);
  await reviewDocument(s.db, ctxOf(reviewer), doc.id, { decision: 'approve', comment: '' });
  await signOffDocument(s.db, ctxOf(signer), doc.id, { opinion: '同意印发。' });
  await recheckDocument(s.db, c, doc.id);
  await numberDocument(s.db, c, doc.id);
  await dispatchDocument(s.db, c, doc.id, { channel: 'online' });
  return doc.id;
}

/** Moves a dispatch back in time (the services stamp now): the document and its deliveries. */
async function dispatchedAt(s: SeedContext, documentId: string, at: Date) {
  await s.db.execute(sql`UPDATE documents SET dispatched_at = ${at.toISOString()}::timestamptz WHERE id = ${documentId}`);
  await s.db.execute(
    sql`UPDATE deliveries SET created_at = ${at.toISOString()}::timestamptz, sent_at = ${at.toISOString()}::timestamptz WHERE document_id = ${documentId}`,
  );
}

async function countyNotices(s: SeedContext) {
  const user = (n: string) => s.users.get(n)!;
  const [clerk, admin, leader] = [user('county.clerk'), user('county.admin'), user('county.leader')];
  const all = s.townships.map((t) => t.id);
  const notice = await issue(s, clerk, admin, leader, {
    docType: '通知',
    title: '关于做好近期防汛物资储备检查工作的通知',
    body: '为切实做好今年防汛备汛工作，请各地对照清单，逐项检查防汛物资储备情况，于本周五前将检查结果报县委办公室。',
    mainRecipientOrgIds: all,
    copyRecipientOrgIds: [],
    urgency: 'urgent',
    classification: 'none',
  });
  await dispatchedAt(s, notice, new Date(s.today.getTime() - 20 * HOUR));
  // 13 townships have acknowledged it; town01–town05 have not yet.
  const pending = new Set(s.townships.slice(0, 5).map((t) => t.id));
  const deliveries = await s.db.execute<{ id: string; org_id: string }>(
    sql`SELECT id, org_id FROM deliveries WHERE document_id = ${notice} ORDER BY org_id`,
  );
  for (const d of deliveries.rows) {
    if (pending.has(d.org_id)) continue;
    const code = s.townships.find((t) => t.id === d.org_id)!.code.slice(1);
    await acknowledgeDelivery(s.db, ctxOf(user(`town${code}.clerk`)), d.id);
  }
  // An earlier urgent notice that town05 has left unacknowledged for more than 24 hours.
  const late = await issue(s, clerk, admin, leader, {
    docType: '通知',
    title: '关于报送第三季度值班值守情况的紧急通知',
    body: '请于收文后24小时内签收，并按要求报送本季度值班值守情况。',
    mainRecipientOrgIds: [s.townships[4]!.id],
    copyRecipientOrgIds: [],
    urgency: 'extra_urgent',
    classification: 'none',
  });
  await dispatchedAt(s, late, new Date(s.today.getTime() - 30 * HOUR));
}

async function upwardReport(s: SeedContext) {
  const user = (n: string) => s.users.get(n)!;
  // An upward document is signed by the principal leader (条例 第二十二条).
  const [clerk, leader, head] = [user('town01.clerk'), user('town01.leader'), user('town01.head')];
  const report = await issue(s, clerk, leader, head, {
    docType: '报告',
    title: '关于上半年办公室规范化建设工作情况的报告',
    body: '现将我镇上半年办公室规范化建设工作情况报告如下：一是人员配备到位；二是制度上墙；三是三室达标。\n特此报告。',
    mainRecipientOrgIds: [s.orgs.get('XWB')!.id],
    copyRecipientOrgIds: [],
    urgency: 'none',
    classification: 'none',
  });
  const d = await s.db.execute<{ id: string }>(sql`SELECT id FROM deliveries WHERE document_id = ${report}`);
  const county = ctxOf(user('county.clerk'));
  const { incoming } = await acknowledgeDelivery(s.db, county, d.rows[0]!.id);
  // Screened for action: it now waits for the county office's 拟办.
  await screen(s.db, county, incoming.id, { decision: 'act' });
}

/** In every township and the county office: a paper document from a county department, proposed on, waiting for the leader's 批示. */
async function waitingForInstruction(s: SeedContext) {
  const today = chinaToday(s.today);
  const year = Number(today.slice(0, 4));
  const sender = s.orgs.get('D02')!;
  const offices = [s.orgs.get('XWB')!, ...s.townships];
  const rows = offices.map((o) => {
    const clerk = o.code === 'XWB' ? s.users.get('county.clerk')! : s.users.get(`town${o.code.slice(1)}.clerk`)!;
    return { org_id: o.id, clerk: clerk.id };
  });
  await s.db.transaction(async (tx) => {
    const seqs = await tx.execute<{ org_id: string; last_seq: number }>(sql`
      INSERT INTO incoming_serial_counters (org_id, year, last_seq)
      SELECT org_id, ${year}, 1 FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(org_id uuid, clerk uuid)
      ON CONFLICT (org_id, year) DO UPDATE SET last_seq = incoming_serial_counters.last_seq + 1
      RETURNING org_id, last_seq`);
    const seqOf = new Map(seqs.rows.map((r) => [r.org_id, Number(r.last_seq)]));
    const entries = rows.map((r) => ({ ...r, seq: seqOf.get(r.org_id)!, serial: formatIncomingSerial(year, seqOf.get(r.org_id)!) }));
    await tx.execute(sql`
      INSERT INTO incoming (org_id, serial_year, serial_seq, serial, channel, sender_org_id, sender_name, doc_number, title, doc_type,
                            received_date, received_by, received_at, status, mode, screened_by, screened_at, proposal, proposed_by, proposed_at)
      SELECT x.org_id, ${year}, x.seq, x.serial, 'paper', ${sender.id}, ${sender.name}, ${`清财发〔${year}〕27号`},
             '关于开展2026年度村级财务专项检查的通知', '通知', ${today}::date, x.clerk, now() - interval '3 hours', 'proposed', 'act',
             x.clerk, now() - interval '2 hours', '建议由分管财务的班子成员牵头，财政所具体承办，月底前报送自查报告。', x.clerk, now() - interval '1 hour'
      FROM jsonb_to_recordset(${JSON.stringify(entries)}::jsonb) AS x(org_id uuid, clerk uuid, seq int, serial text)`);
    await writeAudit(tx, s.ctx, {
      action: 'seed.workbench.incoming',
      entity: 'incoming',
      orgId: null,
      after: { entries: entries.length, status: 'proposed' },
    });
  });
}

/** An overdue follow-up in every township, on the township's latest minutes on record. */
async function overdueFollowUps(s: SeedContext) {
  const deadline = dayOffset(s, -3);
  await s.db.transaction(async (tx) => {
    const r = await tx.execute(sql`
      INSERT INTO follow_ups (org_id, meeting_id, item_index, decision_index, decision_text, owner_name, owner_unit, deadline, status, created_by)
      SELECT DISTINCT ON (m.org_id) m.org_id, m.id, 0, 99, '完成村级防汛物资储备点核查，形成书面报告报党委办公室', '王建华', '应急管理办公室',
             ${deadline}::date, 'open', m.recorder_user_id
      FROM meetings m JOIN orgs o ON o.id = m.org_id
      WHERE o.kind = 'township' AND m.status = 'confirmed'
      ORDER BY m.org_id, m.starts_at DESC
      RETURNING id`);
    await writeAudit(tx, s.ctx, {
      action: 'seed.workbench.followUps',
      entity: 'follow_up',
      orgId: null,
      after: { followUps: r.rows.length, deadline },
    });
  });
}

/** town01: today's duty names the clerk, and last night's leader on duty hands over to the clerk, waiting for the clerk's confirmation. */
async function dutyToday(s: SeedContext) {
  const t01 = s.orgs.get('T01')!;
  const clerk = s.users.get('town01.clerk')!;
  const leader = s.users.get('town01.leader')!;
  const today = chinaToday(s.today);
  await s.db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO duty_roster_days (org_id, day, leader_name, staff_names, source)
      VALUES (${t01.id}, ${today}::date, ${leader.displayName}, ARRAY[${clerk.displayName}]::text[], 'manual')
      ON CONFLICT (org_id, day) DO UPDATE SET leader_name = EXCLUDED.leader_name, staff_names = EXCLUDED.staff_names, source = 'manual'`);
    await tx.execute(sql`
      INSERT INTO duty_handovers (org_id, day, outgoing_user_id, outgoing_name, incoming_user_id, incoming_name, outstanding, outgoing_confirmed_at, created_by)
      VALUES (${t01.id}, ${today}::date, ${leader.id}, ${leader.displayName}, ${clerk.id}, ${clerk.displayName},
              '夜间接县应急局电话，明日有强降雨，需上午10点前将各村防汛值班表报县委办。', now() - interval '1 hour', ${leader.id})`);
    await writeAudit(tx, s.ctx, { action: 'seed.workbench.duty', entity: 'duty_handover', orgId: t01.id, after: { day: today } });
  });
}

async function petitionDueSoon(s: SeedContext) {
  const clerk = s.users.get('town01.clerk')!;
  // 受理告知 within 15 days of receipt: received 13 days ago, the notice is due in 2 days (the service computes it).
  await registerPetition(s.db, ctxOf(clerk), {
    receivedOn: dayOffset(s, -13),
    channel: 'letter',
    petitioners: [{ name: '刘桂芳' }],
    subject: '反映村道硬化后排水沟堵塞问题',
    content: '来信反映，去年硬化的村道两侧排水沟多处堵塞，雨天积水严重，请求尽快疏通。',
    category: 'urban_rural',
    handlerUserIds: [clerk.id],
  });
}

async function filingWaiting(s: SeedContext) {
  const clerk = s.users.get('town01.clerk')!;
  const staff = await s.db.execute<{ id: string }>(
    sql`SELECT id FROM staff WHERE org_id = ${clerk.orgId} AND status = 'active' ORDER BY name LIMIT 1`,
  );
  if (!staff.rows[0]) return;
  await submitFiling(
    s.db,
    ctxOf(clerk),
    { kind: 'particulars', changeDate: dayOffset(s, -2), staffId: staff.rows[0].id, particulars: { education: 'bachelor' } },
    chinaToday(s.today),
  );
}

export const workbenchSeed: SeedStep = {
  name: 'workbench',
  async run(s) {
    s.progress('county notices');
    await countyNotices(s);
    s.progress('upward report');
    await upwardReport(s);
    s.progress('pending work');
    await waitingForInstruction(s);
    await overdueFollowUps(s);
    await dutyToday(s);
    await petitionDueSoon(s);
    await filingWaiting(s);
  },
};
