/** SQL of the incoming side: the register entry, its serial, circulation and reminders. */
import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { uuidArray } from '../../db/sql.ts';
import { executeNamed, type DbOrTx } from '../../db/client.ts';
import { incomingPage, type IncomingFilter, type IncomingPage } from './incoming.pages.ts';
import { users } from '../accounts/accounts.tables.ts';
import { documentReminders, incoming, incomingCirculation, type IncomingRow } from './documents.tables.ts';

const LIST_COLUMNS = sql`i.id, i.org_id, i.serial, i.channel, i.sender_name, i.doc_number, i.title, i.urgency, i.classification,
  i.received_date, i.status, i.mode, i.deadline, i.closed_at`;
export type IncomingListRow = Record<string, unknown> & { id: string };

export const incomingRepository = {
  /** Next 收文编号 of the org for the year; the counter row is held until the transaction ends. */
  async nextSerial(tx: DbOrTx, orgId: string, year: number): Promise<number> {
    const r = await tx.execute<{ last_seq: number }>(sql`
      INSERT INTO incoming_serial_counters (org_id, year, last_seq) VALUES (${orgId}, ${year}, 1)
      ON CONFLICT (org_id, year) DO UPDATE SET last_seq = incoming_serial_counters.last_seq + 1 RETURNING last_seq`);
    return Number(r.rows[0]!.last_seq);
  },
  /**
   * A paper entry in one statement: the org's serial counter row takes the next 收文编号, the audit
   * row is appended on the locked chain head (`appendAuditSql`, which the caller builds on the CTE
   * `serial`, exposing `seq`), and the entry is inserted. Run on the pool, the statement is its own
   * transaction: the locks are held for it and its commit only. The counter moves only when the
   * chain has a head row (`headExists`); without one nothing is written and the result is undefined
   * (the caller creates the head and retries), so no serial is ever taken without its entry.
   */
  async createPaper(
    db: DbOrTx,
    v: Omit<typeof incoming.$inferInsert, 'serialSeq' | 'serial' | 'serialYear' | 'channel'> & { id: string; serialYear: number },
    audit: (serial: { from: SQL; seq: SQL; serial: SQL }) => { ctes: SQL; headExists: SQL },
  ): Promise<{ row: IncomingRow; auditSeq: number; auditHash: string; checkpointSeq: number } | undefined> {
    const serialText = sql`'收〔' || ${v.serialYear}::int || '〕' || serial.seq || '号'`;
    const a = audit({ from: sql`serial`, seq: sql`serial.seq`, serial: serialText });
    const r = await executeNamed<Record<string, unknown>>(
      db,
      'incoming.createPaper',
      sql`
      WITH serial AS (
        INSERT INTO incoming_serial_counters (org_id, year, last_seq) SELECT ${v.orgId}, ${v.serialYear}, 1 WHERE ${a.headExists}
        ON CONFLICT (org_id, year) DO UPDATE SET last_seq = incoming_serial_counters.last_seq + 1 RETURNING last_seq AS seq
      ),
      ${a.ctes},
      entry AS (
        INSERT INTO incoming (id, org_id, serial_year, serial_seq, serial, channel, sender_org_id, sender_name, doc_number, title, doc_type, urgency,
                              classification, copies, copy_numbers, secrecy_unit, secrecy_amount, paper_channel, body, received_date, received_by)
        SELECT ${v.id}, ${v.orgId}, ${v.serialYear}, serial.seq, ${serialText}, 'paper', ${v.senderOrgId ?? null}, ${v.senderName}, ${v.docNumber ?? null},
               ${v.title}, ${v.docType ?? null}, ${v.urgency ?? 'none'}, ${v.classification ?? 'none'}, ${v.copies ?? 1}, ${v.copyNumbers ?? null},
               ${v.secrecyUnit ?? null}, ${v.secrecyAmount ?? null}, ${v.paperChannel ?? null},
               ${v.body ?? null}, ${v.receivedDate}, ${v.receivedBy}
        FROM serial, audit_new
        RETURNING *
      )
      SELECT entry.*, n.seq AS audit_seq, n.hash AS audit_hash, n.checkpoint_seq AS audit_checkpoint_seq FROM entry, audit_new n`,
    );
    const raw = r.rows[0];
    if (!raw) return undefined;
    return {
      row: fromDriver(raw),
      auditSeq: Number(raw.audit_seq),
      auditHash: String(raw.audit_hash),
      checkpointSeq: Number(raw.audit_checkpoint_seq),
    };
  },
  async insert(tx: DbOrTx, values: typeof incoming.$inferInsert): Promise<IncomingRow> {
    const [row] = await tx.insert(incoming).values(values).returning();
    return row!;
  },
  async byId(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<IncomingRow | undefined> {
    const q = db.select().from(incoming).where(eq(incoming.id, id));
    const [row] = opts.lock ? await q.for('update') : await q;
    return row;
  },
  async update(db: DbOrTx, id: string, values: Partial<typeof incoming.$inferInsert>): Promise<IncomingRow> {
    const [row] = await db.update(incoming).set(values).where(eq(incoming.id, id)).returning();
    return row!;
  },
  /** A page of the entries list with its total (exact up to a threshold, estimated beyond: incoming.pages.ts). */
  page(db: DbOrTx, f: IncomingFilter, limit: number, offset: number): Promise<IncomingPage<IncomingListRow>> {
    return incomingPage<IncomingListRow>(db, LIST_COLUMNS, f, limit, offset);
  },
  async list(db: DbOrTx, orgIds: string[] | null, status: string | undefined, limit: number, offset: number) {
    const p = await incomingPage<IncomingListRow>(db, LIST_COLUMNS, { orgIds, status }, limit, offset);
    return p.rows.map((r) => ({ ...r, total: p.total }));
  },
  async usersInOrg(db: DbOrTx, orgId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db.execute<{ id: string }>(
      sql`SELECT id FROM users WHERE org_id = ${orgId} AND disabled_at IS NULL AND id = ANY(${uuidArray(ids)})`,
    );
    return new Set(rows.rows.map((r) => r.id));
  },
  async addCirculation(tx: DbOrTx, orgId: string, incomingId: string, userIds: string[]): Promise<void> {
    await tx.execute(sql`INSERT INTO incoming_circulation (org_id, incoming_id, user_id)
      SELECT ${orgId}, ${incomingId}, u FROM unnest(${uuidArray(userIds)}) u ON CONFLICT (incoming_id, user_id) DO NOTHING`);
  },
  async circulation(db: DbOrTx, incomingId: string) {
    return db
      .select({
        userId: incomingCirculation.userId,
        name: users.displayName,
        sentAt: incomingCirculation.sentAt,
        readAt: incomingCirculation.readAt,
        note: incomingCirculation.note,
      })
      .from(incomingCirculation)
      .innerJoin(users, eq(users.id, incomingCirculation.userId))
      .where(eq(incomingCirculation.incomingId, incomingId))
      .orderBy(incomingCirculation.sentAt);
  },
  async markRead(tx: DbOrTx, incomingId: string, userId: string, note: string): Promise<{ found: boolean; unread: number }> {
    const r = await tx
      .update(incomingCirculation)
      .set({ readAt: sql`coalesce(${incomingCirculation.readAt}, now())`, note: note || null })
      .where(and(eq(incomingCirculation.incomingId, incomingId), eq(incomingCirculation.userId, userId)))
      .returning({ id: incomingCirculation.id });
    const c = await tx.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM incoming_circulation WHERE incoming_id = ${incomingId} AND read_at IS NULL`,
    );
    return { found: r.length > 0, unread: Number(c.rows[0]!.n) };
  },
  async addReminder(tx: DbOrTx, values: typeof documentReminders.$inferInsert): Promise<void> {
    await tx.insert(documentReminders).values(values);
  },
  async reminders(db: DbOrTx, incomingId: string) {
    return db.select().from(documentReminders).where(eq(documentReminders.incomingId, incomingId)).orderBy(documentReminders.sentAt);
  },
};

/** A raw `incoming` row (snake_case, driver values) as the query builder would have returned it. */
function fromDriver(raw: Record<string, unknown>): IncomingRow {
  const out: Record<string, unknown> = {};
  for (const [prop, col] of Object.entries(getTableColumns(incoming))) {
    const v = raw[col.name];
    out[prop] = v === null || v === undefined ? null : col.mapFromDriverValue(v);
  }
  return out as IncomingRow;
}
