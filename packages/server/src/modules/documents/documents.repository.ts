/** SQL of the outgoing side: documents, numbering, deliveries, the inbox. */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { uuidArray } from '../../db/sql.ts';
import type { DbOrTx } from '../../db/client.ts';
import { documentListPage, inboxPage, type DocumentListFilter, type InboxFilter } from './documents.pages.ts';
import { orgs } from '../orgs/orgs.tables.ts';
import { users } from '../accounts/accounts.tables.ts';
import type { OrgKind } from '@township-office/domain/documents';
import {
  deliveries,
  deliveryReturns,
  documentAttachments,
  documentCountersigns,
  documents,
  incoming,
  type CountersignRow,
  type DeliveryRow,
  type DocumentRow,
} from './documents.tables.ts';

export type DocumentInsert = typeof documents.$inferInsert;

export const documentsRepository = {
  async insert(db: DbOrTx, values: DocumentInsert): Promise<DocumentRow> {
    const [row] = await db.insert(documents).values(values).returning();
    return row!;
  },
  async byId(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<DocumentRow | undefined> {
    const q = db.select().from(documents).where(eq(documents.id, id));
    const [row] = opts.lock ? await q.for('update') : await q;
    return row;
  },
  async update(db: DbOrTx, id: string, values: Partial<DocumentInsert>): Promise<DocumentRow> {
    const [row] = await db
      .update(documents)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(documents.id, id))
      .returning();
    return row!;
  },
  /** Whether the org received the document (a delivery it has not lost to a withdrawal). */
  async deliveredTo(db: DbOrTx, documentId: string, orgId: string): Promise<boolean> {
    const r =
      await db.execute(sql`SELECT 1 FROM deliveries WHERE document_id = ${documentId} AND org_id = ${orgId} AND status <> 'withdrawn'
      UNION ALL SELECT 1 FROM incoming WHERE document_id = ${documentId} AND org_id = ${orgId} LIMIT 1`);
    return r.rows.length > 0;
  },
  async activeOrgIds(db: DbOrTx, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .select({ id: orgs.id })
      .from(orgs)
      .where(and(inArray(orgs.id, ids), isNull(orgs.disabledAt)));
    return new Set(rows.map((r) => r.id));
  },
  /** The kind of each org named (active or not). */
  async orgKinds(db: DbOrTx, ids: string[]): Promise<Map<string, OrgKind>> {
    const list = [...new Set(ids)];
    if (list.length === 0) return new Map();
    const rows = await db.select({ id: orgs.id, kind: orgs.kind }).from(orgs).where(inArray(orgs.id, list));
    return new Map(rows.map((r) => [r.id, r.kind as OrgKind]));
  },
  async incomingSummary(db: DbOrTx, id: string) {
    const [row] = await db
      .select({ id: incoming.id, title: incoming.title, docNumber: incoming.docNumber, senderName: incoming.senderName })
      .from(incoming)
      .where(eq(incoming.id, id));
    return row;
  },
  // ---- 会签 ----
  async insertCountersign(tx: DbOrTx, values: typeof documentCountersigns.$inferInsert): Promise<CountersignRow> {
    const [row] = await tx.insert(documentCountersigns).values(values).returning();
    return row!;
  },
  async countersignsOf(db: DbOrTx, documentId: string): Promise<CountersignRow[]> {
    return db
      .select()
      .from(documentCountersigns)
      .where(eq(documentCountersigns.documentId, documentId))
      .orderBy(documentCountersigns.decidedAt);
  },
  async orgById(db: DbOrTx, id: string) {
    const [row] = await db.select().from(orgs).where(eq(orgs.id, id));
    return row;
  },
  async userNames(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, string>> {
    const list = [...new Set(ids.filter((x): x is string => !!x))];
    if (list.length === 0) return new Map();
    const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, list));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async orgNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
    const list = [...new Set(ids)];
    if (list.length === 0) return new Map();
    const rows = await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, list));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  /** A page of the outgoing documents list, in the order asked, with its total (documents.pages.ts). */
  listForOrg(db: DbOrTx, f: DocumentListFilter, limit: number, offset: number) {
    return documentListPage(db, f, limit, offset);
  },

  // ---- numbering ----
  /** Next sequence of a prefix and year: the counter row is locked until the caller's transaction ends, so numbers are gap-free. */
  async nextSeq(tx: DbOrTx, prefix: string, year: number, orgId: string): Promise<number> {
    await tx.execute(
      sql`INSERT INTO doc_number_counters (number_prefix, year, org_id, last_seq) VALUES (${prefix}, ${year}, ${orgId}, 0) ON CONFLICT DO NOTHING`,
    );
    const r = await tx.execute<{ last_seq: number }>(
      sql`SELECT last_seq FROM doc_number_counters WHERE number_prefix = ${prefix} AND year = ${year} FOR UPDATE`,
    );
    const next = Number(r.rows[0]!.last_seq) + 1;
    await tx.execute(sql`UPDATE doc_number_counters SET last_seq = ${next} WHERE number_prefix = ${prefix} AND year = ${year}`);
    return next;
  },

  // ---- deliveries ----
  /** Every recipient in one statement: all rows or none. */
  async insertDeliveries(tx: DbOrTx, doc: DocumentRow): Promise<number> {
    const r = await tx.execute(sql`
      INSERT INTO deliveries (org_id, sender_org_id, document_id, document_classification, recipient_kind)
      SELECT r.org_id, ${doc.orgId}, ${doc.id}, ${doc.classification}, r.kind
      FROM (SELECT unnest(${uuidArray(doc.mainRecipientOrgIds)}) AS org_id, 'main' AS kind
            UNION ALL SELECT unnest(${uuidArray(doc.copyRecipientOrgIds)}), 'copy') r`);
    return r.rowCount ?? 0;
  },
  async deliveryById(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<DeliveryRow | undefined> {
    const q = db.select().from(deliveries).where(eq(deliveries.id, id));
    const [row] = opts.lock ? await q.for('update') : await q;
    return row;
  },
  async updateDelivery(db: DbOrTx, id: string, values: Partial<typeof deliveries.$inferInsert>): Promise<DeliveryRow> {
    const [row] = await db.update(deliveries).set(values).where(eq(deliveries.id, id)).returning();
    return row!;
  },
  async withdrawPendingOf(tx: DbOrTx, documentId: string): Promise<number> {
    const r = await tx.execute(
      sql`UPDATE deliveries SET status = 'withdrawn', withdrawn_at = now() WHERE document_id = ${documentId} AND status = 'pending'`,
    );
    return r.rowCount ?? 0;
  },
  async receiptTable(db: DbOrTx, documentId: string) {
    const r = await db.execute<{
      id: string;
      org_id: string;
      sender_org_id: string;
      org_name: string;
      recipient_kind: string;
      status: string;
      created_at: Date;
      sent_at: Date;
      acknowledged_at: Date | null;
      acknowledged_by_name: string | null;
      returned_at: Date | null;
      return_reason: string | null;
      withdrawn_at: Date | null;
      reminded_at: Date | null;
      reminder_count: number;
    }>(sql`
      SELECT d.id, d.org_id, d.sender_org_id, o.name AS org_name, d.recipient_kind, d.status, d.created_at, d.sent_at, d.acknowledged_at,
             u.display_name AS acknowledged_by_name,
             d.returned_at, d.return_reason, d.withdrawn_at, d.reminded_at, d.reminder_count
      FROM deliveries d JOIN orgs o ON o.id = d.org_id LEFT JOIN users u ON u.id = d.acknowledged_by
      WHERE d.document_id = ${documentId} ORDER BY d.recipient_kind DESC, o.sort_order, o.name`);
    return r.rows;
  },
  /** The inbox's page, in the order asked, with its total and the org's pending count (documents.pages.ts). */
  inbox(db: DbOrTx, f: InboxFilter, limit: number, offset: number) {
    return inboxPage(db, f, limit, offset);
  },
  // ---- 退回 and 补发 (delivery_returns) ----
  async insertReturn(tx: DbOrTx, values: typeof deliveryReturns.$inferInsert): Promise<void> {
    await tx.insert(deliveryReturns).values(values);
  },
  /** Closes the return waiting for a 补发; false when there is none (the partial unique index keeps it to one). */
  async closeReturn(tx: DbOrTx, deliveryId: string, by: { resentAt: Date; resentBy: string; resendNote: string | null }): Promise<boolean> {
    const r = await tx
      .update(deliveryReturns)
      .set(by)
      .where(and(eq(deliveryReturns.deliveryId, deliveryId), isNull(deliveryReturns.resentAt)))
      .returning({ id: deliveryReturns.id });
    return r.length > 0;
  },
  async returnCount(db: DbOrTx, deliveryId: string): Promise<number> {
    const r = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM delivery_returns WHERE delivery_id = ${deliveryId}`);
    return Number(r.rows[0]!.n);
  },
  /** Every return of the document's deliveries, oldest first, with the names of who returned and who sent again. */
  async returnsOf(db: DbOrTx, documentId: string) {
    const r = await db.execute<{
      delivery_id: string;
      returned_at: Date;
      returned_by_name: string | null;
      reason: string;
      resent_at: Date | null;
      resent_by_name: string | null;
      resend_note: string | null;
    }>(sql`
      SELECT x.delivery_id, x.returned_at, rb.display_name AS returned_by_name, x.reason, x.resent_at, sb.display_name AS resent_by_name, x.resend_note
      FROM delivery_returns x JOIN deliveries d ON d.id = x.delivery_id
      LEFT JOIN users rb ON rb.id = x.returned_by LEFT JOIN users sb ON sb.id = x.resent_by
      WHERE d.document_id = ${documentId} ORDER BY x.returned_at, x.id`);
    return r.rows;
  },
  async attachmentsOf(db: DbOrTx, documentId: string) {
    return db
      .select()
      .from(documentAttachments)
      .where(and(eq(documentAttachments.documentId, documentId), isNull(documentAttachments.removedAt)))
      .orderBy(documentAttachments.sortOrder, documentAttachments.createdAt);
  },
};
