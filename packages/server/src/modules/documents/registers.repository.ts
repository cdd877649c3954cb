/** SQL of the two registers (发文登记本, 收文登记本), scoped and filtered in the query. */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { OUTGOING_REGISTER_SORTS } from '@township-office/domain/documents';
import { cappedCount, orgCondition, pageTotal, type Total } from './documents.pages.ts';
import { incomingPage, type IncomingPage, type IncomingSort } from './incoming.pages.ts';

export type OutgoingRegisterSort = (typeof OUTGOING_REGISTER_SORTS)[number];

export interface RegisterFilter {
  orgIds: string[] | null;
  year?: number;
  from?: string;
  to?: string;
  docType?: string;
  channel?: string;
  classification?: string;
  status?: string;
  q?: string;
}

export type OutgoingRegisterFilter = RegisterFilter & { sort?: OutgoingRegisterSort };

function where(parts: (SQL | null)[]): SQL {
  const list = parts.filter((p): p is SQL => p !== null);
  return list.length ? sql.join(list, sql` AND `) : sql`true`;
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type OutgoingRegisterRow = {
  id: string;
  org_id: string;
  doc_number: string;
  title: string;
  doc_type: string;
  classification: string;
  urgency: string;
  drafter: string | null;
  signer: string | null;
  written_date: string | null;
  main_to: string | null;
  copy_to: string | null;
  copies: number | null;
  copy_numbers: string | null;
  channel: string | null;
  paper_channel: string | null;
  secrecy_unit: string | null;
  secrecy_amount: number | null;
  status: string;
  void_reason: string | null;
  remark: string | null;
};

const OUTGOING_ORDER: Record<OutgoingRegisterSort, SQL> = {
  // documents_register_written_idx / documents_org_register_written_idx
  written: sql`d.written_date DESC, d.number_prefix, d.number_seq DESC`,
  // the same indexes read backwards
  writtenAsc: sql`d.written_date, d.number_prefix DESC, d.number_seq`,
  // documents_register_number_idx / documents_org_register_number_idx
  number: sql`d.number_year DESC, d.number_prefix, d.number_seq DESC`,
};

export const outgoingRegisterOrder = (sort: OutgoingRegisterSort = 'written') => OUTGOING_ORDER[sort];

export function outgoingRegisterWhere(f: OutgoingRegisterFilter): SQL {
  return where([
    sql`d.doc_number IS NOT NULL`,
    orgCondition(sql`d.org_id`, f.orgIds),
    f.year ? sql`d.number_year = ${f.year}` : null,
    f.from ? sql`d.written_date >= ${f.from}` : null,
    f.to ? sql`d.written_date <= ${f.to}` : null,
    f.docType ? sql`d.doc_type = ${f.docType}` : null,
    f.channel ? sql`d.channel = ${f.channel}` : null,
    f.classification ? sql`d.classification = ${f.classification}` : null,
    f.q ? sql`(d.title ILIKE ${like(f.q)} OR d.doc_number ILIKE ${like(f.q)})` : null,
  ]);
}

/** A page of the 发文登记本 (exported for the EXPLAIN test). */
export function outgoingRegisterPageSql(f: OutgoingRegisterFilter, limit: number, offset: number): SQL {
  return sql`
    SELECT d.id, d.org_id, d.doc_number, d.title, d.doc_type, d.classification, d.urgency, u.display_name AS drafter, d.signer_name AS signer,
           d.written_date, d.copies, d.copy_numbers, d.channel, d.paper_channel, d.secrecy_unit, d.secrecy_amount, d.status, d.void_reason, d.remark,
           ${printedTo(sql`d.main_recipient_org_ids`, sql`d.main_recipient_groups`)} AS main_to,
           ${printedTo(sql`d.copy_recipient_org_ids`, sql`d.copy_recipient_groups`)} AS copy_to
    FROM (SELECT * FROM documents d WHERE ${outgoingRegisterWhere(f)} ORDER BY ${outgoingRegisterOrder(f.sort)} LIMIT ${limit} OFFSET ${offset}) d
    LEFT JOIN users u ON u.id = d.drafter_id
    ORDER BY ${outgoingRegisterOrder(f.sort)}`;
}

/** The 发文登记本's capped count (exported for the EXPLAIN test). */
export const outgoingRegisterCountSql = (f: OutgoingRegisterFilter): SQL =>
  cappedCount(sql`documents d`, outgoingRegisterWhere(f), outgoingRegisterOrder(f.sort));

/** A page of the 发文登记本 with its total (exact up to a threshold, estimated beyond: documents.pages.ts). */
export async function outgoingRegisterPage(
  db: DbOrTx,
  f: OutgoingRegisterFilter,
  limit: number,
  offset: number,
): Promise<{ rows: OutgoingRegisterRow[] } & Total> {
  const rows = (await db.execute<OutgoingRegisterRow>(outgoingRegisterPageSql(f, limit, offset))).rows;
  const w = outgoingRegisterWhere(f);
  return { rows, ...(await pageTotal(db, rows.length, limit, offset, sql`documents d`, w, outgoingRegisterOrder(f.sort))) };
}

/**
 * 主送 / 抄送 as the register prints them: each recipient group by its name, then the orgs not reached
 * through a group (documents.recipients printedRecipientsOf, the same rule in SQL for the list and exports).
 */
function printedTo(orgIds: SQL, groups: SQL): SQL {
  return sql`NULLIF(concat_ws('、',
      (SELECT string_agg(g.value->>'name', '、' ORDER BY g.ordinality) FROM jsonb_array_elements(${groups}) WITH ORDINALITY g),
      (SELECT string_agg(o.name, '、' ORDER BY o.sort_order) FROM orgs o WHERE o.id = ANY(${orgIds})
         AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(${groups}) m WHERE m.value->'memberOrgIds' ? o.id::text))), '')`;
}

export type IncomingRegisterRow = {
  id: string;
  org_id: string;
  serial: string;
  received_date: string;
  sender_name: string;
  doc_number: string | null;
  title: string;
  classification: string;
  copies: number;
  copy_numbers: string | null;
  paper_channel: string | null;
  secrecy_unit: string | null;
  secrecy_amount: number | null;
  urgency: string;
  proposal: string | null;
  instruction: string | null;
  handlers: string | null;
  deadline: string | null;
  closed_at: Date | null;
  archived_at: Date | null;
  channel: string;
  status: string;
  total: number;
};

const REGISTER_COLUMNS = sql`i.id, i.org_id, i.serial, i.received_date, i.sender_name, i.doc_number, i.title, i.classification, i.copies,
  i.copy_numbers, i.paper_channel, i.secrecy_unit, i.secrecy_amount, i.urgency, i.proposal, i.instruction, (SELECT string_agg(u.display_name, '、') FROM users u WHERE u.id = ANY(i.handler_ids)) AS handlers,
  i.deadline, i.closed_at, i.archived_at, i.channel, i.status`;

/** A page of the 收文登记本 with its total (exact up to a threshold, estimated beyond: incoming.pages.ts). */
export function incomingRegisterPage(
  db: DbOrTx,
  f: RegisterFilter & { sort?: IncomingSort },
  limit: number,
  offset: number,
): Promise<IncomingPage<Omit<IncomingRegisterRow, 'total'>>> {
  return incomingPage(db, REGISTER_COLUMNS, { sort: 'serial', ...f }, limit, offset);
}

export async function incomingRegister(db: DbOrTx, f: RegisterFilter, limit: number, offset: number): Promise<IncomingRegisterRow[]> {
  const p = await incomingRegisterPage(db, f, limit, offset);
  return p.rows.map((r) => ({ ...r, total: p.total }));
}
