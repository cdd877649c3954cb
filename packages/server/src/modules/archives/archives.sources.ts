/**
 * The narrow interface between archives and the documents module: which closed documents an org
 * has in a year, and one of them as the parts DA/T 22 files together (件). The documents module
 * does not (yet) expose these reads as service operations, so this file reads its tables,
 * read-only, in one place; swapping it for `documents.listClosedForArchive` / `documentForArchive`
 * service calls touches nothing else. Classified documents carry no content here, only metadata.
 */
import { and, eq, sql } from 'drizzle-orm';
import { componentPages, orderComponents, COMPONENT_LABELS } from '@township-office/domain/archives';
import type { DbOrTx } from '../../db/client.ts';
import { documents, incoming } from '../documents/documents.tables.ts';
import { orgs } from '../orgs/orgs.tables.ts';
import type { ArchiveComponent } from './archives.tables.ts';

export interface ArchiveCandidate {
  kind: 'outgoing' | 'incoming';
  id: string;
  orgId: string;
  year: number;
  docNumber: string | null;
  title: string;
  date: string;
  closed: boolean;
  status: string;
}

export interface ArchiveDraft extends ArchiveCandidate {
  responsible: string;
  classification: 'none' | 'confidential' | 'secret' | 'top_secret';
  components: ArchiveComponent[];
  pages: number;
}

const paras = (text: string | null | undefined) =>
  (text ?? '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
const d10 = (v: Date | string | null | undefined) =>
  v ? (typeof v === 'string' ? v.slice(0, 10) : new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(v)) : '';

function part(
  role: ArchiveComponent['role'],
  title: string,
  content: { fields?: [string, string][]; paragraphs?: string[] },
): ArchiveComponent {
  const lines = (content.fields?.length ?? 0) + 2;
  return { role, label: COMPONENT_LABELS[role], title, ...content, pages: componentPages(lines, content.paragraphs ?? []) };
}

/** Outgoing documents count as closed once dispatched; incoming ones once 办结. */
export const archiveSources = {
  async candidates(db: DbOrTx, orgId: string, year: number): Promise<ArchiveCandidate[]> {
    const out = await db
      .select({
        id: documents.id,
        orgId: documents.orgId,
        docNumber: documents.docNumber,
        title: documents.title,
        date: documents.writtenDate,
        status: documents.status,
      })
      .from(documents)
      .where(and(eq(documents.orgId, orgId), eq(documents.numberYear, year), sql`${documents.status} IN ('dispatched')`));
    const inc = await db
      .select({
        id: incoming.id,
        orgId: incoming.orgId,
        docNumber: incoming.docNumber,
        title: incoming.title,
        date: incoming.receivedDate,
        status: incoming.status,
      })
      .from(incoming)
      .where(and(eq(incoming.orgId, orgId), eq(incoming.serialYear, year), eq(incoming.status, 'closed')));
    return [
      ...out.map((r) => ({ kind: 'outgoing' as const, ...r, date: r.date ?? '', year, closed: true })),
      ...inc.map((r) => ({ kind: 'incoming' as const, ...r, date: r.date, year, closed: true })),
    ];
  },

  /** Closed documents per org in a year (the denominator of the archived share). */
  async closedCountByOrg(db: DbOrTx, year: number): Promise<Map<string, number>> {
    const r = await db.execute<{ org_id: string; n: number }>(sql`
      SELECT org_id, count(*)::int AS n FROM (
        SELECT org_id FROM documents WHERE number_year = ${year} AND status = 'dispatched'
        UNION ALL
        SELECT org_id FROM incoming WHERE serial_year = ${year} AND status = 'closed') x
      GROUP BY org_id`);
    return new Map(r.rows.map((x) => [x.org_id, Number(x.n)]));
  },

  async draft(db: DbOrTx, kind: 'outgoing' | 'incoming', id: string): Promise<ArchiveDraft | null> {
    if (kind === 'outgoing') {
      const [r] = await db
        .select({ doc: documents, orgName: orgs.name })
        .from(documents)
        .innerJoin(orgs, eq(orgs.id, documents.orgId))
        .where(eq(documents.id, id));
      return r ? outgoingDraft(r.doc, r.orgName) : null;
    }
    const [r] = await db
      .select({ inc: incoming, writtenDate: documents.writtenDate })
      .from(incoming)
      .leftJoin(documents, eq(documents.id, incoming.documentId))
      .where(eq(incoming.id, id));
    return r ? incomingDraft(r.inc, r.writtenDate) : null;
  },

  /** Every closed document of a year as drafts, in two queries (the demo seed's year-end archiving). */
  async closedDrafts(db: DbOrTx, year: number): Promise<ArchiveDraft[]> {
    const out = await db
      .select({ doc: documents, orgName: orgs.name })
      .from(documents)
      .innerJoin(orgs, eq(orgs.id, documents.orgId))
      .where(and(eq(documents.numberYear, year), eq(documents.status, 'dispatched')));
    const inc = await db
      .select({ inc: incoming, writtenDate: documents.writtenDate })
      .from(incoming)
      .leftJoin(documents, eq(documents.id, incoming.documentId))
      .where(and(eq(incoming.serialYear, year), eq(incoming.status, 'closed')));
    return [...out.map((r) => outgoingDraft(r.doc, r.orgName)), ...inc.map((r) => incomingDraft(r.inc, r.writtenDate))];
  },
};

type DocumentRow = typeof documents.$inferSelect;
type IncomingRow = typeof incoming.$inferSelect;

/** An outgoing document as an item: 正本 first, then the drafting slip with its signed draft. */
export function outgoingDraft(doc: DocumentRow, orgName: string): ArchiveDraft {
  const classified = doc.classification !== 'none';
  const components = orderComponents([
    part('final', doc.title, {
      fields: [
        ['发文字号', doc.docNumber ?? ''],
        ['成文日期', doc.writtenDate ?? ''],
      ],
      paragraphs: classified ? [] : paras(doc.body),
    }),
    part('drafting_slip', '发文笺', {
      fields: [
        ['文种', doc.docType],
        ['标题', doc.title],
        ['核稿意见', doc.reviewComment ?? ''],
        ['签发人', doc.signerName ?? ''],
        ['签发意见', doc.signOffOpinion ?? ''],
        ['签发日期', d10(doc.signedAt)],
        ['份数', String(doc.copies ?? '')],
      ],
    }),
  ]);
  return {
    kind: 'outgoing',
    id: doc.id,
    orgId: doc.orgId,
    year: doc.numberYear ?? Number((doc.writtenDate ?? '').slice(0, 4)),
    docNumber: doc.docNumber,
    title: doc.title,
    date: doc.writtenDate ?? d10(doc.signedAt),
    closed: doc.status === 'dispatched',
    status: doc.status,
    responsible: orgName,
    classification: doc.classification,
    components,
    pages: components.reduce((s, c) => s + c.pages, 0),
  };
}

/** An incoming document as an item: a reply first, then the processing slip, then the document. */
export function incomingDraft(inc: IncomingRow, writtenDate: string | null): ArchiveDraft {
  const classified = inc.classification !== 'none';
  const parts: ArchiveComponent[] = [
    part('processing_slip', '文件处理笺', {
      fields: [
        ['收文编号', inc.serial],
        ['收文日期', inc.receivedDate],
        ['来文机关', inc.senderName],
        ['来文字号', inc.docNumber ?? ''],
        ['拟办意见', inc.proposal ?? ''],
        ['领导批示', inc.instruction ?? ''],
        ['办理结果', inc.result ?? ''],
        ['办结日期', d10(inc.closedAt)],
      ],
    }),
    part('document', inc.title, { fields: [['来文字号', inc.docNumber ?? '']], paragraphs: classified ? [] : paras(inc.body) }),
  ];
  if (inc.reply) parts.push(part('reply', `关于《${inc.title}》的答复`, { paragraphs: paras(inc.reply) }));
  const components = orderComponents(parts);
  return {
    kind: 'incoming',
    id: inc.id,
    orgId: inc.orgId,
    year: inc.serialYear,
    docNumber: inc.docNumber,
    title: inc.title,
    date: writtenDate ?? inc.receivedDate,
    closed: inc.status === 'closed',
    status: inc.status,
    responsible: inc.senderName,
    classification: inc.classification,
    components,
    pages: components.reduce((s, c) => s + c.pages, 0),
  };
}
