/**
 * The demo county's document traffic from 1 January of last year to today: county office notices
 * to every township, township reports and requests upward, some letters between townships, a few
 * classified paper records; over 90% online; most deliveries acknowledged and processed, a few
 * still pending (some over 24 hours). Bulk-inserted (jsonb_to_recordset), one audit row.
 */
import { chinaToday } from '@township-office/domain/dates';
import { sql } from 'drizzle-orm';
import { formatDocNumber, formatIncomingSerial } from '@township-office/domain/documents';
import { writeAudit } from '../../platform/audit.ts';
import type { SeedContext, SeedStep } from '../../seed/seed-context.ts';
import type { Tx } from '../../db/client.ts';

const DAY = 86_400_000;
const TOPICS = [
  '春节期间值班',
  '安全生产大检查',
  '防汛抗旱',
  '森林防火',
  '信访维稳',
  '乡村振兴重点任务',
  '基层党建',
  '作风建设',
  '疫情防控',
  '耕地保护',
  '档案规范化管理',
  '政务信息报送',
  '办公室规范化建设',
  '公文处理',
  '保密工作',
  '环境整治',
  '民生实事',
  '文明创建',
  '禁毒宣传',
  '秸秆禁烧',
];
const NOTICE = (t: string) => `关于做好${t}工作的通知`;
const REPORT = (t: string) => `关于${t}工作开展情况的报告`;
const REQUEST = (t: string) => `关于解决${t}经费的请示`;
const LETTER = (t: string) => `关于商请协助${t}工作的函`;

interface DocRec {
  id: string;
  org_id: string;
  doc_type: string;
  title: string;
  body: string | null;
  urgency: string;
  classification: string;
  status: string;
  main: string[];
  drafter_id: string;
  reviewer_id: string;
  signer_id: string;
  signer_name: string;
  drafted_at: string;
  signed_at: string;
  written_date: string;
  number_prefix: string;
  number_year: number;
  number_seq: number;
  doc_number: string;
  channel: string;
  dispatched_at: string;
  copies: number | null;
  upward: boolean;
}

const iso = (t: number) => new Date(t).toISOString();
const cnDate = (t: number) => chinaToday(new Date(t));

export const documentsSeed: SeedStep = {
  name: 'documents',
  async run(s: SeedContext) {
    const r = s.rng;
    const uuid = () => {
      const h = () =>
        Math.floor(r.next() * 0x10000)
          .toString(16)
          .padStart(4, '0');
      return `${h()}${h()}-${h()}-4${h().slice(1)}-${(8 + Math.floor(r.next() * 4)).toString(16)}${h().slice(1)}-${h()}${h()}${h()}`;
    };
    const user = (name: string) => s.users.get(name)!;
    const xwb = s.orgs.get('XWB')!;
    const towns = s.townships;
    const start = Date.UTC(s.year - 1, 0, 1, 1);
    const now = s.today.getTime();
    const span = now - start;
    const people = (org: string) => {
      if (org === xwb.id)
        return {
          drafter: user('county.clerk'),
          reviewer: user('county.admin'),
          signer: user('county.leader'),
          clerk: user('county.clerk'),
          leader: user('county.leader'),
        };
      const i = towns.findIndex((t) => t.id === org) + 1;
      const nn = String(i).padStart(2, '0');
      const clerk = user(`town${nn}.clerk`);
      const leader = user(`town${nn}.leader`);
      // Their documents to the county office are upward: signed by the principal leader (条例 第二十二条).
      return { drafter: clerk, reviewer: leader, signer: user(`town${nn}.head`), clerk, leader };
    };
    const prefixOf = new Map([xwb, ...towns].map((o) => [o.id, o.numberPrefix!]));

    // 1. What is sent, by whom, when.
    type Plan = {
      org: string;
      type: string;
      title: string;
      main: string[];
      at: number;
      classified: boolean;
      paper: boolean;
      urgency: string;
    };
    const plans: Plan[] = [];
    const when = () => start + Math.floor(r.next() * span);
    const urgency = () => (r.chance(0.08) ? 'extra_urgent' : r.chance(0.12) ? 'urgent' : 'none');
    for (let i = 0; i < 200; i++)
      plans.push({
        org: xwb.id,
        type: r.chance(0.85) ? '通知' : '通报',
        title: NOTICE(r.pick(TOPICS)),
        main: towns.map((t) => t.id),
        at: when(),
        classified: false,
        paper: r.chance(0.03),
        urgency: urgency(),
      });
    for (const t of towns) {
      const n = r.int(18, 28);
      for (let i = 0; i < n; i++) {
        const req = r.chance(0.3);
        plans.push({
          org: t.id,
          type: req ? '请示' : '报告',
          title: req ? REQUEST(r.pick(TOPICS)) : REPORT(r.pick(TOPICS)),
          main: [xwb.id],
          at: when(),
          classified: false,
          paper: r.chance(0.04),
          urgency: urgency(),
        });
      }
    }
    for (let i = 0; i < 60; i++) {
      const from = r.pick(towns);
      let to = r.pick(towns);
      if (to.id === from.id) to = towns[(towns.indexOf(from) + 1) % towns.length]!;
      plans.push({
        org: from.id,
        type: '函',
        title: LETTER(r.pick(TOPICS)),
        main: [to.id],
        at: when(),
        classified: false,
        paper: r.chance(0.05),
        urgency: 'none',
      });
    }
    for (let i = 0; i < 6; i++)
      plans.push({
        org: xwb.id,
        type: '通知',
        title: `关于${r.pick(['保密检查', '涉密人员管理', '国家秘密载体管理'])}有关事项的通知`,
        main: towns.map((t) => t.id),
        at: when(),
        classified: true,
        paper: true,
        urgency: 'none',
      });
    plans.sort((x, y) => x.at - y.at);

    // 2. Documents, numbered gap-free per prefix and year in dispatch order.
    const seqs = new Map<string, number>();
    const docs: DocRec[] = [];
    for (const p of plans) {
      const who = people(p.org);
      const written = cnDate(p.at - 2 * 3600_000);
      const year = Number(written.slice(0, 4));
      const prefix = prefixOf.get(p.org)!;
      const key = `${prefix}|${year}`;
      const seq = (seqs.get(key) ?? 0) + 1;
      seqs.set(key, seq);
      docs.push({
        id: uuid(),
        org_id: p.org,
        doc_type: p.type,
        title: p.title,
        body: p.classified
          ? null
          : `一、基本情况\n${p.title.replace(/^关于|的(通知|报告|请示|函|通报)$/g, '')}有关工作按要求推进。\n二、下一步工作\n请认真贯彻落实。`,
        urgency: p.urgency,
        classification: p.classified ? r.pick(['confidential', 'secret']) : 'none',
        status: 'dispatched',
        main: p.main,
        drafter_id: who.drafter.id,
        reviewer_id: who.reviewer.id,
        signer_id: who.signer.id,
        signer_name: who.signer.displayName,
        drafted_at: iso(p.at - 3 * DAY),
        signed_at: iso(p.at - 2 * 3600_000),
        written_date: written,
        number_prefix: prefix,
        number_year: year,
        number_seq: seq,
        doc_number: formatDocNumber({ prefix, year, seq }),
        upward: p.org !== xwb.id && p.main.includes(xwb.id),
        channel: p.paper ? 'paper' : 'online',
        dispatched_at: iso(p.at),
        copies: p.paper ? p.main.length + 2 : null,
      });
    }

    // 3. Deliveries of online dispatches; acknowledgement and processing for most.
    const deliveries: Record<string, unknown>[] = [];
    const incoming: Record<string, unknown>[] = [];
    const circulation: Record<string, unknown>[] = [];
    const serials = new Map<string, number>();
    const senderName = new Map([xwb, ...towns].map((o) => [o.id, o.name]));
    const acks: { d: DocRec; org: string; deliveryId: string; ackAt: number }[] = [];
    for (const d of docs) {
      if (d.channel !== 'online') continue;
      const sent = Date.parse(d.dispatched_at);
      for (const org of d.main) {
        const id = uuid();
        const age = now - sent;
        const pending = age < 2 * DAY ? r.chance(0.6) : age < 6 * DAY ? r.chance(0.2) : r.chance(0.004);
        const ackAt = Math.min(sent + r.int(1, 20) * 3600_000, now - 60_000);
        const who = people(org);
        deliveries.push({
          id,
          org_id: org,
          sender_org_id: d.org_id,
          document_id: d.id,
          recipient_kind: 'main',
          status: pending ? 'pending' : 'acknowledged',
          created_at: d.dispatched_at,
          acknowledged_at: pending ? null : iso(ackAt),
          acknowledged_by: pending ? null : who.clerk.id,
        });
        if (!pending) acks.push({ d, org, deliveryId: id, ackAt });
      }
    }
    acks.sort((x, y) => x.ackAt - y.ackAt);
    for (const { d, org, deliveryId, ackAt } of acks) {
      const who = people(org);
      const received = cnDate(ackAt);
      const year = Number(received.slice(0, 4));
      const key = `${org}|${year}`;
      const seq = (serials.get(key) ?? 0) + 1;
      serials.set(key, seq);
      const act = d.doc_type === '请示' || d.doc_type === '函' || r.chance(0.6);
      const deadline = cnDate(ackAt + 10 * DAY);
      const closeAt = ackAt + r.int(1, 9) * DAY;
      const done = closeAt < now - DAY;
      const id = uuid();
      incoming.push({
        id,
        org_id: org,
        serial_year: year,
        serial_seq: seq,
        serial: formatIncomingSerial(year, seq),
        channel: 'online',
        delivery_id: deliveryId,
        document_id: d.id,
        sender_org_id: d.org_id,
        sender_name: senderName.get(d.org_id),
        doc_number: d.doc_number,
        title: d.title,
        doc_type: d.doc_type,
        urgency: d.urgency,
        classification: 'none',
        copies: 1,
        received_date: received,
        received_by: who.clerk.id,
        received_at: iso(ackAt),
        mode: act ? 'act' : 'read',
        status: act ? (done ? 'closed' : 'in_progress') : done ? 'closed' : 'circulating',
        screened_by: who.clerk.id,
        screened_at: iso(ackAt + 3600_000),
        proposal: act ? '拟请分管领导阅示，由办公室牵头办理。' : null,
        proposed_by: act ? who.clerk.id : null,
        proposed_at: act ? iso(ackAt + 2 * 3600_000) : null,
        instruction: act ? '同意，请抓好落实。' : null,
        instructed_by: act ? who.leader.id : null,
        instructed_at: act ? iso(ackAt + 5 * 3600_000) : null,
        handler_ids: act ? `{${who.clerk.id}}` : '{}',
        deadline: act ? deadline : null,
        result: done ? (act ? '已按要求办理完毕。' : '传阅完毕') : null,
        closed_by: done ? who.clerk.id : null,
        closed_at: done ? iso(closeAt) : null,
      });
      if (!act)
        circulation.push({
          org_id: org,
          incoming_id: id,
          user_id: who.leader.id,
          sent_at: iso(ackAt + 3600_000),
          read_at: done ? iso(closeAt) : null,
          note: done ? '已阅' : null,
        });
    }

    // 4. Classified paper originals registered by hand in the townships.
    for (const d of docs.filter((x) => x.classification !== 'none')) {
      for (const org of d.main) {
        const who = people(org);
        const at = Date.parse(d.dispatched_at) + 2 * DAY;
        const received = cnDate(at);
        const year = Number(received.slice(0, 4));
        const key = `${org}|${year}`;
        const seq = (serials.get(key) ?? 0) + 1;
        serials.set(key, seq);
        incoming.push({
          id: uuid(),
          org_id: org,
          serial_year: year,
          serial_seq: seq,
          serial: formatIncomingSerial(year, seq),
          channel: 'paper',
          delivery_id: null,
          document_id: null,
          sender_org_id: d.org_id,
          sender_name: senderName.get(d.org_id),
          doc_number: d.doc_number,
          title: d.title,
          doc_type: d.doc_type,
          urgency: 'none',
          classification: d.classification,
          copies: 1,
          received_date: received,
          received_by: who.clerk.id,
          received_at: iso(at),
          mode: 'read',
          status: 'closed',
          result: '已按保密规定阅办',
          closed_by: who.clerk.id,
          closed_at: iso(at + DAY),
          handler_ids: '{}',
        });
      }
    }

    s.progress(`${docs.length} documents, ${deliveries.length} deliveries, ${incoming.length} incoming`);
    await s.db.transaction(async (tx) => {
      await bulk(
        tx,
        'documents',
        docs.map((d) => ({
          ...d,
          main_recipient_org_ids: `{${d.main.join(',')}}`,
          main: undefined,
          reviewed_at: d.signed_at,
          submitted_at: d.drafted_at,
          numbered_by: d.drafter_id,
          numbered_at: d.signed_at,
          rechecked_by: d.drafter_id,
          rechecked_at: d.signed_at,
          dispatched_by: d.drafter_id,
        })),
        `id uuid, org_id uuid, doc_type text, title text, body text, urgency text, classification text, status text, main_recipient_org_ids uuid[], drafter_id uuid, drafted_at timestamptz,
         submitted_at timestamptz, reviewer_id uuid, reviewed_at timestamptz, signer_id uuid, signer_name text, signed_at timestamptz, written_date date, number_prefix text, number_year int,
         number_seq int, doc_number text, numbered_by uuid, numbered_at timestamptz, channel text, dispatched_by uuid, dispatched_at timestamptz, copies int, upward boolean,
         rechecked_by uuid, rechecked_at timestamptz`,
      );
      await bulk(
        tx,
        'deliveries',
        deliveries,
        'id uuid, org_id uuid, sender_org_id uuid, document_id uuid, recipient_kind text, status text, created_at timestamptz, acknowledged_at timestamptz, acknowledged_by uuid',
      );
      await bulk(
        tx,
        'incoming',
        incoming,
        `id uuid, org_id uuid, serial_year int, serial_seq int, serial text, channel text, delivery_id uuid, document_id uuid, sender_org_id uuid, sender_name text, doc_number text,
         title text, doc_type text, urgency text, classification text, copies int, received_date date, received_by uuid, received_at timestamptz, mode text, status text,
         screened_by uuid, screened_at timestamptz, proposal text, proposed_by uuid, proposed_at timestamptz, instruction text, instructed_by uuid, instructed_at timestamptz,
         handler_ids uuid[], deadline date, result text, closed_by uuid, closed_at timestamptz`,
      );
      await bulk(
        tx,
        'incoming_circulation',
        circulation,
        'org_id uuid, incoming_id uuid, user_id uuid, sent_at timestamptz, read_at timestamptz, note text',
      );
      await bulk(
        tx,
        'doc_number_counters',
        [...seqs].map(([k, n]) => {
          const [prefix, year] = k.split('|');
          return { number_prefix: prefix, year: Number(year), org_id: docs.find((d) => d.number_prefix === prefix)!.org_id, last_seq: n };
        }),
        'number_prefix text, year int, org_id uuid, last_seq int',
      );
      await bulk(
        tx,
        'incoming_serial_counters',
        [...serials].map(([k, n]) => {
          const [org, year] = k.split('|');
          return { org_id: org, year: Number(year), last_seq: n };
        }),
        'org_id uuid, year int, last_seq int',
      );
      await writeAudit(tx, s.ctx, {
        action: 'seed.documents',
        entity: 'document',
        orgId: xwb.id,
        after: { documents: docs.length, deliveries: deliveries.length, incoming: incoming.length },
      });
    });
  },
};

/** One INSERT … SELECT FROM jsonb_to_recordset per table: thousands of rows in one round trip. */
async function bulk(tx: Tx, table: string, rows: Record<string, unknown>[], columns: string) {
  if (rows.length === 0) return;
  const names = columns
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0])
    .join(', ');
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = JSON.stringify(rows.slice(i, i + 5000));
    await tx.execute(
      sql`INSERT INTO ${sql.raw(table)} (${sql.raw(names)}) SELECT ${sql.raw(names)} FROM jsonb_to_recordset(${chunk}::jsonb) AS x(${sql.raw(columns)})`,
    );
  }
}
