/**
 * The narrow interface between archives and the documents module: which closed documents an org
 * has in a year (documents.archive.service `listClosedForArchive`), and one of them
 * (`documentForArchive`) as the parts DA/T 22 files together (件). Classified documents carry no
 * content here, only metadata.
 */
import { componentPages, orderComponents, COMPONENT_LABELS } from '@township-office/domain/archives';
import type { DbOrTx } from '../../db/client.ts';
import {
  closedCountByOrg,
  closedDocumentsForArchive,
  documentForArchive,
  listClosedForArchive,
  type ArchivableIncoming,
  type ArchivableOutgoing,
  type ClosedForArchive,
  type DocumentForArchive,
} from '../documents/documents.archive.service.ts';
import type { ArchiveComponent } from './archives.tables.ts';

export type ArchiveCandidate = ClosedForArchive;

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

const toDraft = (d: DocumentForArchive): ArchiveDraft =>
  d.kind === 'outgoing' ? outgoingDraft(d.doc, d.orgName) : incomingDraft(d.inc, d.writtenDate);

/** Outgoing documents count as closed once dispatched; incoming ones once 办结 (the documents module says which). */
export const archiveSources = {
  candidates: (db: DbOrTx, orgId: string, year: number): Promise<ArchiveCandidate[]> => listClosedForArchive(db, orgId, year),
  /** Closed documents per org in a year (the denominator of the archived share). */
  closedCountByOrg,
  async draft(db: DbOrTx, kind: 'outgoing' | 'incoming', id: string): Promise<ArchiveDraft | null> {
    const d = await documentForArchive(db, kind, id);
    return d ? toDraft(d) : null;
  },
  /** Every closed document of a year as drafts (the demo seed's year-end archiving). */
  async closedDrafts(db: DbOrTx, year: number): Promise<ArchiveDraft[]> {
    return (await closedDocumentsForArchive(db, year)).map(toDraft);
  },
};

type DocumentRow = ArchivableOutgoing;
type IncomingRow = ArchivableIncoming;

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
