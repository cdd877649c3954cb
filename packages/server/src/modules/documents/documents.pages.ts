/**
 * Pages of the outgoing side's lists (the documents list, the inbox; the 发文登记本's are in
 * registers.repository.ts) at any size, as incoming.pages.ts does for the 收文 lists: every sort has
 * an index county-wide and per office (migration 1300), so page 1 reads 20 index entries in order;
 * the total is exact up to EXACT_COUNT_LIMIT rows and beyond it the planner's estimate, flagged
 * `totalExact: false`, never a window over every matching row.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { plannerRows, uuidArray } from '../../db/sql.ts';
import type { DOCUMENT_SORTS, INBOX_SORTS } from '@township-office/domain/documents';
import { EXACT_COUNT_LIMIT } from './incoming.pages.ts';

export type DocumentSort = (typeof DOCUMENT_SORTS)[number];
export type InboxSort = (typeof INBOX_SORTS)[number];

/** The conditions of a list, joined; `true` when there are none. */
export function allOf(parts: (SQL | null | undefined)[]): SQL {
  const list = parts.filter((p): p is SQL => !!p);
  return list.length ? sql.join(list, sql` AND `) : sql`true`;
}

/** `column IN orgIds`; null: every org. One org as an equality, so the planner reads the per-office index in order. */
export function orgCondition(column: SQL, orgIds: string[] | null): SQL | null {
  if (orgIds === null) return null;
  if (orgIds.length === 0) return sql`false`;
  return orgIds.length === 1 ? sql`${column} = ${orgIds[0]}` : sql`${column} = ANY(${uuidArray(orgIds)})`;
}

/**
 * A timestamp column within the county's days (year, from, to; Asia/Shanghai whatever the server's
 * zone): a range on the column itself, so the order index serves it.
 */
export function daysCondition(column: SQL, f: { year?: number; from?: string; to?: string }): SQL[] {
  const day = (d: SQL) => sql`(${d}::timestamp AT TIME ZONE 'Asia/Shanghai')`;
  return [
    f.year ? sql`${column} >= make_timestamptz(${f.year}, 1, 1, 0, 0, 0, 'Asia/Shanghai')` : null,
    f.year ? sql`${column} < make_timestamptz(${f.year + 1}, 1, 1, 0, 0, 0, 'Asia/Shanghai')` : null,
    f.from ? sql`${column} >= ${day(sql`${f.from}::date`)}` : null,
    f.to ? sql`${column} < ${day(sql`(${f.to}::date + 1)`)}` : null,
  ].filter((p): p is SQL => p !== null);
}

/** At most EXACT_COUNT_LIMIT + 1 rows of `from` counted, in the page's order so the count reads the page's index. */
export const cappedCount = (from: SQL, where: SQL, order: SQL): SQL =>
  sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ${EXACT_COUNT_LIMIT + 1}) s`;

export interface Total {
  total: number;
  totalExact: boolean;
}

/**
 * The total of a page of `rows` at `offset`: a short page is the end of the list (known without
 * counting); otherwise the capped count, and beyond the cap the planner's estimate, never below
 * what the pager has shown.
 */
export async function pageTotal(
  db: DbOrTx,
  rows: number,
  limit: number,
  offset: number,
  from: SQL,
  where: SQL,
  order: SQL,
): Promise<Total> {
  if (rows < limit && (rows > 0 || offset === 0)) return { total: offset + rows, totalExact: true };
  const n = Number((await db.execute<{ n: number }>(cappedCount(from, where, order))).rows[0]!.n);
  if (n <= EXACT_COUNT_LIMIT) return { total: n, totalExact: true };
  const estimate = await plannerRows(db, sql`SELECT 1 FROM ${from} WHERE ${where}`);
  return { total: Math.max(EXACT_COUNT_LIMIT + 1, offset + rows, estimate), totalExact: false };
}

// ---- the outgoing documents list (GET /api/documents) ----

export interface DocumentListFilter {
  /** null: every org (the county's view); otherwise only these. */
  orgIds: string[] | null;
  status?: string;
  year?: number;
  from?: string;
  to?: string;
  sort?: DocumentSort;
}

const DOCUMENT_ORDER: Record<DocumentSort, SQL> = {
  // documents_drafted_idx / documents_org_drafted_idx; with a status, documents_(org_)status_drafted_idx
  drafted: sql`d.drafted_at DESC, d.id DESC`,
  // the same indexes read backwards
  draftedAsc: sql`d.drafted_at, d.id`,
};

export const documentOrder = (sort: DocumentSort = 'drafted') => DOCUMENT_ORDER[sort];

export function documentListWhere(f: DocumentListFilter): SQL {
  return allOf([
    orgCondition(sql`d.org_id`, f.orgIds),
    f.status ? sql`d.status = ${f.status}` : null,
    ...daysCondition(sql`d.drafted_at`, f),
  ]);
}

export type DocumentListRow = {
  id: string;
  org_id: string;
  doc_type: string;
  title: string;
  status: string;
  doc_number: string | null;
  urgency: string;
  classification: string;
  drafted_at: Date;
  written_date: string | null;
};

/** The page (exported for the EXPLAIN test). */
export function documentListPageSql(f: DocumentListFilter, limit: number, offset: number): SQL {
  return sql`
    SELECT d.id, d.org_id, d.doc_type, d.title, d.status, d.doc_number, d.urgency, d.classification, d.drafted_at, d.written_date
    FROM documents d WHERE ${documentListWhere(f)} ORDER BY ${documentOrder(f.sort)} LIMIT ${limit} OFFSET ${offset}`;
}

/** The capped count (exported for the EXPLAIN test). */
export const documentListCountSql = (f: DocumentListFilter): SQL =>
  cappedCount(sql`documents d`, documentListWhere(f), documentOrder(f.sort));

export async function documentListPage(db: DbOrTx, f: DocumentListFilter, limit: number, offset: number) {
  const rows = (await db.execute<DocumentListRow>(documentListPageSql(f, limit, offset))).rows;
  return { rows, ...(await pageTotal(db, rows.length, limit, offset, sql`documents d`, documentListWhere(f), documentOrder(f.sort))) };
}

// ---- the inbox (GET /api/inbox): one org's deliveries ----

export interface InboxFilter {
  orgId: string;
  status?: string;
  year?: number;
  from?: string;
  to?: string;
  sort?: InboxSort;
}

const INBOX_ORDER: Record<InboxSort, SQL> = {
  // deliveries_inbox_idx; with a status, deliveries_org_status_idx
  delivered: sql`d.created_at DESC, d.id DESC`,
  // the same indexes read backwards
  deliveredAsc: sql`d.created_at, d.id`,
};

export const inboxOrder = (sort: InboxSort = 'delivered') => INBOX_ORDER[sort];

export function inboxWhere(f: InboxFilter): SQL {
  return allOf([sql`d.org_id = ${f.orgId}`, f.status ? sql`d.status = ${f.status}` : null, ...daysCondition(sql`d.created_at`, f)]);
}

export type InboxRow = {
  id: string;
  document_id: string;
  title: string;
  doc_number: string | null;
  doc_type: string;
  status: string;
  urgency: string;
  sender_org_id: string;
  sender_name: string;
  recipient_kind: string;
  created_at: Date;
  sent_at: Date;
  acknowledged_at: Date | null;
  reminder_count: number;
  reminded_at: Date | null;
  resent_at: Date | null;
};

/** The page: 20 deliveries read in order from the index, then joined (exported for the EXPLAIN test). */
export function inboxPageSql(f: InboxFilter, limit: number, offset: number): SQL {
  return sql`
    SELECT d.id, d.document_id, doc.title, doc.doc_number, doc.doc_type, d.status, doc.urgency, d.sender_org_id, o.name AS sender_name,
           d.recipient_kind, d.created_at, d.sent_at, d.acknowledged_at, d.reminder_count, d.reminded_at,
           (SELECT max(x.resent_at) FROM delivery_returns x WHERE x.delivery_id = d.id) AS resent_at
    FROM (SELECT * FROM deliveries d WHERE ${inboxWhere(f)} ORDER BY ${inboxOrder(f.sort)} LIMIT ${limit} OFFSET ${offset}) d
    JOIN documents doc ON doc.id = d.document_id JOIN orgs o ON o.id = d.sender_org_id
    ORDER BY ${inboxOrder(f.sort)}`;
}

/** The capped count (exported for the EXPLAIN test). */
export const inboxCountSql = (f: InboxFilter): SQL => cappedCount(sql`deliveries d`, inboxWhere(f), inboxOrder(f.sort));

/** The org's pending deliveries, whatever the filter: an index-only count of the pending partial index. */
export const inboxPendingSql = (orgId: string): SQL =>
  sql`SELECT count(*)::int AS n FROM deliveries WHERE org_id = ${orgId} AND status = 'pending'`;

export async function inboxPage(db: DbOrTx, f: InboxFilter, limit: number, offset: number) {
  const rows = (await db.execute<InboxRow>(inboxPageSql(f, limit, offset))).rows;
  const total = await pageTotal(db, rows.length, limit, offset, sql`deliveries d`, inboxWhere(f), inboxOrder(f.sort));
  const pending = Number((await db.execute<{ n: number }>(inboxPendingSql(f.orgId))).rows[0]!.n);
  return { rows, ...total, pending };
}
