/**
 * The documents module's to-dos for the workbench: deliveries to acknowledge (签收, due 24 hours
 * after dispatch), incoming entries at the actor's step of the 文件处理笺, and outgoing documents at
 * the actor's step of the 发文笺. Each query is scoped to the actor's org, as the inbox and the
 * registers are, and mirrors the rule of `documents.policy.ts` that the page will check.
 */
import { sql } from 'drizzle-orm';
import { DELIVERY_OVERDUE_HOURS } from '@township-office/domain/documents';
import { roleMay } from '@township-office/domain/permissions';
import { endOfChinaDay } from '@township-office/domain/workbench';
import type { DbOrTx } from '../../db/client.ts';
import { principalsHolding } from '../../platform/access.ts';
import type { Actor } from '../../platform/context.ts';
import { uuidArray } from '../../db/sql.ts';
import { TODO_LIMIT, type TodoLimit, type DoneRef, type Todo, type TodoProvider } from '../../platform/todos.ts';

type Row = {
  id: string;
  title: string;
  subject: string | null;
  due: string | Date | null;
  step: string;
  upward?: boolean;
  important?: boolean;
};

const toDate = (v: string | Date | null, day = false): Date | null =>
  v === null ? null : day ? new Date(endOfChinaDay(String(v))) : v instanceof Date ? v : new Date(v);

async function deliveries(db: DbOrTx, actor: Actor, limit: TodoLimit): Promise<Todo[]> {
  if (!roleMay(actor.role, 'documents.receive')) return [];
  const r = await db.execute<Row>(sql`
    SELECT d.id, doc.title, o.name AS subject, d.sent_at + make_interval(hours => ${DELIVERY_OVERDUE_HOURS}) AS due, 'ack' AS step
    FROM deliveries d JOIN documents doc ON doc.id = d.document_id JOIN orgs o ON o.id = d.sender_org_id
    WHERE d.org_id = ${actor.orgId} AND d.status = 'pending'
    ORDER BY d.sent_at LIMIT ${limit}`);
  return r.rows.map((x) => ({
    kind: 'delivery.acknowledge',
    title: x.title,
    subject: x.subject,
    recordId: x.id,
    href: '/documents/inbox',
    dueAt: toDate(x.due),
  }));
}

const INCOMING_KINDS = {
  screen: 'incoming.screen',
  read: 'incoming.read',
  propose: 'incoming.propose',
  instruct: 'incoming.instruct',
  assign: 'incoming.assign',
  handle: 'incoming.handle',
} as const;

async function incomingSteps(db: DbOrTx, actor: Actor, limit: TodoLimit): Promise<Todo[]> {
  const clerk = roleMay(actor.role, 'documents.receive');
  // 委托: a delegate acting today for a leader sees the leader's 批示 as well, marked as on the leader's behalf.
  const ownLeader = roleMay(actor.role, 'documents.instruct');
  const actingFor = ownLeader ? null : (principalsHolding(actor, 'documents.instruct')[0] ?? null);
  const leader = ownLeader || actingFor !== null;
  // The statuses whose step can be the actor's (the CASE below decides each entry): the office's
  // open entries are walked in deadline order (incoming_todo_idx) among these only, so a leader's
  // few 呈批 are not looked for among the office's thousands of entries at the clerks' steps.
  const statuses = [
    ...(clerk ? ['received', 'accepted', 'instructed'] : []),
    ...(leader ? ['proposed'] : []),
    'in_progress',
    'circulating',
  ];
  // One pass over the org's open entries: the step each one waits for, if it is the actor's.
  const r = await db.execute<Row>(sql`
    SELECT i.id, i.title, i.sender_name AS subject, i.deadline AS due, s.step
    FROM incoming i
    CROSS JOIN LATERAL (SELECT CASE
      WHEN i.status = 'received' AND ${clerk}::boolean THEN 'screen'
      WHEN i.status = 'accepted' AND ${clerk}::boolean THEN 'propose'
      WHEN i.status = 'proposed' AND ${leader}::boolean THEN 'instruct'
      WHEN i.status = 'instructed' AND ${clerk}::boolean THEN 'assign'
      WHEN i.status = 'in_progress' AND (${actor.userId}::uuid = ANY (i.handler_ids) OR (cardinality(i.handler_ids) = 0 AND ${clerk}::boolean)) THEN 'handle'
      WHEN i.status = 'circulating' AND EXISTS (SELECT 1 FROM incoming_circulation c
             WHERE c.incoming_id = i.id AND c.user_id = ${actor.userId} AND c.read_at IS NULL) THEN 'read'
      END AS step) s
    WHERE i.org_id = ${actor.orgId} AND i.status NOT IN ('closed', 'returned') AND i.status = ANY (${`{${statuses.join(',')}}`}::text[])
      AND s.step IS NOT NULL
    ORDER BY i.deadline NULLS LAST, i.received_at LIMIT ${limit}`);
  return r.rows.map((x) => ({
    kind: INCOMING_KINDS[x.step as keyof typeof INCOMING_KINDS],
    title: x.title,
    subject: x.subject,
    recordId: x.id,
    href: `/documents/incoming/${x.id}`,
    dueAt: x.step === 'handle' ? toDate(x.due, true) : null,
    onBehalfOf: x.step === 'instruct' ? (actingFor?.displayName ?? null) : null,
  }));
}

const OUTGOING_KINDS = {
  returned: 'document.returned',
  review: 'document.review',
  countersign: 'document.countersign',
  signOff: 'document.signOff',
  recheck: 'document.recheck',
  number: 'document.number',
  dispatch: 'document.dispatch',
} as const;

async function outgoingSteps(db: DbOrTx, actor: Actor, limit: TodoLimit): Promise<Todo[]> {
  // 核稿 is the office's step (the leaders sign); the drafter never reviews their own draft.
  const reviewer = roleMay(actor.role, 'documents.review') && roleMay(actor.role, 'documents.number');
  // 委托: the leaders the actor signs for today count as the actor's own signing powers here; the
  // item then names the leader it is signed for.
  const ownSigner = roleMay(actor.role, 'documents.signOff');
  const ownPrincipal = roleMay(actor.role, 'documents.signPrincipal');
  const signerFor = principalsHolding(actor, 'documents.signOff');
  const principalFor = principalsHolding(actor, 'documents.signPrincipal');
  const signer = ownSigner || signerFor.length > 0;
  const principal = ownPrincipal || principalFor.length > 0;
  const signsFor = (needsPrincipal: boolean): string | null => {
    if (needsPrincipal ? ownPrincipal : ownSigner) return null;
    return (needsPrincipal ? principalFor : signerFor)[0]?.displayName ?? null;
  };
  const countersignFor = principalsHolding(actor, 'documents.countersign');
  const countersigner = roleMay(actor.role, 'documents.countersign') || countersignFor.length > 0;
  const numberer = roleMay(actor.role, 'documents.number');
  const dispatcher = roleMay(actor.role, 'documents.dispatch');
  // As documents.policy has it: sign-off waits for every countersigning org, and an upward or
  // important document is the principal leader's (条例 第二十二条); 复核 comes before numbering; a
  // co-issuing org's leader countersigns (会签) another org's draft while it is in review (never its
  // own: documents_countersign_not_self); a reviewer added (加签) holds the review alone until they decide. The office's own open documents and the others' drafts it
  // countersigns are two scans, each in updated_at order and stopping at the limit (documents_todo_idx,
  // documents_countersign_idx; migration 1170), among the statuses whose step can be the actor's;
  // not one OR over the table sorted whole.
  const own = [
    'returned',
    // in_review for everyone: an added reviewer (加签) may hold a review their role alone would not give them.
    'in_review',
    ...(signer ? ['reviewed'] : []),
    ...(numberer ? ['signed_off'] : []),
    ...(dispatcher ? ['numbered'] : []),
  ];
  const r = await db.execute<Row>(sql`
    SELECT d.id, d.title, NULL AS subject, NULL AS due, d.step, d.upward, d.important
    FROM ((SELECT * FROM (
             SELECT id, title, upward, important, updated_at, CASE
               WHEN status = 'returned' AND drafter_id = ${actor.userId} THEN 'returned'
               WHEN status = 'in_review' AND added_reviewer_id = ${actor.userId} THEN 'review'
               WHEN status = 'in_review' AND added_reviewer_id IS NULL AND ${reviewer}::boolean AND drafter_id <> ${actor.userId} THEN 'review'
               WHEN status = 'reviewed' AND ${signer}::boolean AND countersign_org_ids <@ countersigned_org_ids
                 AND (${principal}::boolean OR NOT (upward OR important)) THEN 'signOff'
               WHEN status = 'signed_off' AND ${numberer}::boolean AND rechecked_at IS NULL THEN 'recheck'
               WHEN status = 'signed_off' AND ${numberer}::boolean THEN 'number'
               WHEN status = 'numbered' AND ${dispatcher}::boolean THEN 'dispatch'
               END AS step
             FROM documents
             WHERE org_id = ${actor.orgId} AND status IN ('returned', 'in_review', 'reviewed', 'signed_off', 'numbered')
               AND status = ANY (${`{${own.join(',')}}`}::text[])) o
           WHERE o.step IS NOT NULL ORDER BY o.updated_at LIMIT ${limit})
          UNION ALL
          (SELECT id, title, upward, important, updated_at, 'countersign' FROM documents
           WHERE ${countersigner}::boolean AND status IN ('in_review', 'reviewed') AND countersign_org_ids @> ARRAY[${actor.orgId}::uuid]
             AND NOT ${actor.orgId}::uuid = ANY (countersigned_org_ids)
           ORDER BY updated_at LIMIT ${limit})) d
    ORDER BY d.updated_at LIMIT ${limit}`);
  return r.rows.map((x) => ({
    kind: OUTGOING_KINDS[x.step as keyof typeof OUTGOING_KINDS],
    title: x.title,
    subject: null,
    recordId: x.id,
    href: `/documents/outgoing/${x.id}`,
    dueAt: null,
    onBehalfOf:
      x.step === 'signOff'
        ? signsFor(!!(x.upward || x.important))
        : x.step === 'countersign' && !roleMay(actor.role, 'documents.countersign')
          ? (countersignFor[0]?.displayName ?? null)
          : null,
  }));
}

/** Titles for the 已办 list, scoped as the registers are: the actor's org's documents and entries, its deliveries. */
async function describe(db: DbOrTx, actor: Actor, entity: string, ids: string[]): Promise<Map<string, DoneRef>> {
  const q =
    entity === 'document'
      ? sql`SELECT id, title, '/documents/outgoing/' || id AS href FROM documents WHERE id = ANY (${uuidArray(ids)}) AND org_id = ${actor.orgId}`
      : entity === 'incoming'
        ? sql`SELECT id, title, '/documents/incoming/' || id AS href FROM incoming WHERE id = ANY (${uuidArray(ids)}) AND org_id = ${actor.orgId}`
        : sql`SELECT d.id, doc.title, COALESCE('/documents/incoming/' || i.id, '/documents/inbox') AS href
              FROM deliveries d JOIN documents doc ON doc.id = d.document_id LEFT JOIN incoming i ON i.delivery_id = d.id
              WHERE d.id = ANY (${uuidArray(ids)}) AND d.org_id = ${actor.orgId}`;
  const r = await db.execute<{ id: string; title: string; href: string }>(q);
  return new Map(r.rows.map((x) => [x.id, { title: x.title, href: x.href }]));
}

/**
 * The reminder engine's set-based form of `deliveries` and `incomingSteps`, for every person at once.
 * Only the steps that can be an event: 签收 (news, 24-hour deadline), 批示 (news; a delegate acting
 * for a leader today too), 承办 (news, the entry's deadline) and 传阅 (news); 登记/拟办/分办 are
 * neither news nor deadlines. News has no date to window on: a record is read when it was written
 * since the last sweep (the audit trail: the entry itself, or the delivery it was registered from),
 * or when its deadline enters a window.
 */
const everyoneInbox: TodoProvider['everyone'] = {
  queries: (s) => [
    sql`SELECT p.user_id, p.org_id, p.role, 'delivery.acknowledge' AS todo_kind, d.id AS record_id, doc.title, o.name AS subject,
               '/documents/inbox' AS href, d.sent_at + make_interval(hours => ${DELIVERY_OVERDUE_HOURS}) AS due_at,
               (${s.createdSince(sql`d.sent_at`)} OR ${s.changedSince(['delivery'], sql`d.id`)}) AS news
        FROM deliveries d JOIN documents doc ON doc.id = d.document_id JOIN orgs o ON o.id = d.sender_org_id
          JOIN ${s.people('documents.receive')} p ON p.org_id = d.org_id
        WHERE d.status = 'pending'
          AND (${s.instantDue(sql`d.sent_at`, DELIVERY_OVERDUE_HOURS)} OR ${s.createdSince(sql`d.sent_at`)} OR ${s.changedSince(['delivery'], sql`d.id`)})`,
    sql`SELECT p.user_id, p.org_id, p.role, 'incoming.instruct' AS todo_kind, i.id AS record_id, i.title, i.sender_name AS subject,
               '/documents/incoming/' || i.id AS href, NULL::timestamptz AS due_at, true AS news
        FROM incoming i JOIN ${s.people('documents.instruct', { delegated: true })} p ON p.org_id = i.org_id
        WHERE i.status = 'proposed' AND (${s.changedSince(['incoming'], sql`i.id`)} OR ${s.changedSince(['delivery'], sql`i.delivery_id`)})`,
    sql`SELECT p.user_id, p.org_id, p.role, 'incoming.handle' AS todo_kind, i.id AS record_id, i.title, i.sender_name AS subject,
               '/documents/incoming/' || i.id AS href, ${s.endOfDay(sql`i.deadline`)} AS due_at,
               (${s.changedSince(['incoming'], sql`i.id`)} OR ${s.changedSince(['delivery'], sql`i.delivery_id`)}) AS news
        FROM incoming i JOIN ${s.everybody} p ON p.org_id = i.org_id
          AND (p.user_id = ANY (i.handler_ids)
            OR (cardinality(i.handler_ids) = 0 AND p.user_id IN (SELECT r.user_id FROM ${s.people('documents.receive')} r)))
        WHERE i.status = 'in_progress'
          AND (${s.dayDue(sql`i.deadline`)} OR ${s.changedSince(['incoming'], sql`i.id`)} OR ${s.changedSince(['delivery'], sql`i.delivery_id`)})`,
    sql`SELECT p.user_id, p.org_id, p.role, 'incoming.read' AS todo_kind, i.id AS record_id, i.title, i.sender_name AS subject,
               '/documents/incoming/' || i.id AS href, NULL::timestamptz AS due_at, true AS news
        FROM incoming i JOIN incoming_circulation c ON c.incoming_id = i.id AND c.read_at IS NULL
          JOIN ${s.everybody} p ON p.user_id = c.user_id AND p.org_id = i.org_id
        WHERE i.status = 'circulating' AND (${s.changedSince(['incoming'], sql`i.id`)} OR ${s.changedSince(['delivery'], sql`i.delivery_id`)})`,
  ],
};

/** Deliveries and incoming entries (收文): read by the reminder engine set-based (`everyone`). */
export const documentsTodos: TodoProvider = {
  module: 'documents',
  async todos(db, actor, _now, limit: TodoLimit = TODO_LIMIT) {
    return [...(await deliveries(db, actor, limit)), ...(await incomingSteps(db, actor, limit))];
  },
  everyone: everyoneInbox,
  entities: ['document', 'incoming', 'delivery'],
  describe,
};

/**
 * `outgoingSteps` for every person at once (the reminder engine): the same CASE over the office's open
 * documents, each person's powers as columns (委托 included, as `principalsHolding` gives them), and
 * the others' drafts each office countersigns. No deadlines and few rows: read whole (`whole`).
 */
const everyoneOutgoing: TodoProvider['everyone'] = {
  whole: true,
  queries: (s) => {
    const holds = (action: Parameters<typeof s.people>[0], delegated = false) =>
      sql`(e.user_id IN (SELECT h.user_id FROM ${s.people(action, { delegated })} h))`;
    const people = sql`(SELECT e.user_id, e.org_id, e.role,
        ${holds('documents.review')} AND ${holds('documents.number')} AS reviewer, ${holds('documents.signOff', true)} AS signer,
        ${holds('documents.signPrincipal', true)} AS principal, ${holds('documents.number')} AS numberer,
        ${holds('documents.dispatch')} AS dispatcher FROM ${s.everybody} e)`;
    const kind = (step: keyof typeof OUTGOING_KINDS) => OUTGOING_KINDS[step];
    return [
      sql`SELECT p.user_id, p.org_id, p.role, k.todo_kind, d.id AS record_id, d.title, NULL::text AS subject,
                 '/documents/outgoing/' || d.id AS href, NULL::timestamptz AS due_at, true AS news
          FROM documents d JOIN ${people} p ON p.org_id = d.org_id
            CROSS JOIN LATERAL (SELECT CASE
              WHEN d.status = 'returned' AND d.drafter_id = p.user_id THEN ${kind('returned')}
              WHEN d.status = 'in_review' AND d.added_reviewer_id = p.user_id THEN ${kind('review')}
              WHEN d.status = 'in_review' AND d.added_reviewer_id IS NULL AND p.reviewer AND d.drafter_id <> p.user_id THEN ${kind('review')}
              WHEN d.status = 'reviewed' AND p.signer AND d.countersign_org_ids <@ d.countersigned_org_ids
                AND (p.principal OR NOT (d.upward OR d.important)) THEN ${kind('signOff')}
              WHEN d.status = 'signed_off' AND p.numberer AND d.rechecked_at IS NULL THEN ${kind('recheck')}
              WHEN d.status = 'signed_off' AND p.numberer THEN ${kind('number')}
              WHEN d.status = 'numbered' AND p.dispatcher THEN ${kind('dispatch')}
              END AS todo_kind) k
          WHERE d.status IN ('returned', 'in_review', 'reviewed', 'signed_off', 'numbered') AND k.todo_kind IS NOT NULL`,
      sql`SELECT p.user_id, p.org_id, p.role, ${kind('countersign')} AS todo_kind, d.id AS record_id, d.title, NULL::text AS subject,
                 '/documents/outgoing/' || d.id AS href, NULL::timestamptz AS due_at, true AS news
          FROM documents d JOIN ${s.people('documents.countersign', { delegated: true })} p
            ON d.countersign_org_ids @> ARRAY[p.org_id] AND NOT p.org_id = ANY (d.countersigned_org_ids)
          WHERE d.status IN ('in_review', 'reviewed')`,
    ];
  },
};

/** Outgoing documents (发文) at the actor's step: no deadlines, few rows, so the engine reads them whole (`everyone.whole`). */
export const outgoingTodos: TodoProvider = {
  module: 'documents',
  async todos(db, actor, _now, limit: TodoLimit = TODO_LIMIT) {
    return outgoingSteps(db, actor, limit);
  },
  everyone: everyoneOutgoing,
};
