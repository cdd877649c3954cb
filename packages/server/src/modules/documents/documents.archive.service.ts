/**
 * What the documents module offers the archives module: closed documents and one of them in full,
 * so archives never reads the documents tables. Access is the caller's (archives checks the org).
 */
import type { DbOrTx } from '../../db/client.ts';
import { documentsArchiveRepository as repo } from './documents.archive.repository.ts';
import type { DocumentRow, IncomingRow } from './documents.tables.ts';

export type { DocumentRow as ArchivableOutgoing, IncomingRow as ArchivableIncoming };

export interface ClosedForArchive {
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

/** An org's closed documents of a year (outgoing once dispatched, incoming once 办结). */
export async function listClosedForArchive(db: DbOrTx, orgId: string, year: number): Promise<ClosedForArchive[]> {
  const { out, inc } = await repo.closedHeads(db, orgId, year);
  return [
    ...out.map((r) => ({ kind: 'outgoing' as const, ...r, date: r.date ?? '', year, closed: true })),
    ...inc.map((r) => ({ kind: 'incoming' as const, ...r, date: r.date, year, closed: true })),
  ];
}

/** Closed documents per org in a year (the denominator of the archived share). */
export function closedCountByOrg(db: DbOrTx, year: number): Promise<Map<string, number>> {
  return repo.closedCountByOrg(db, year);
}

export type DocumentForArchive =
  { kind: 'outgoing'; doc: DocumentRow; orgName: string } | { kind: 'incoming'; inc: IncomingRow; writtenDate: string | null };

/** One document in full, with what its archive item shows besides the row. */
export async function documentForArchive(db: DbOrTx, kind: 'outgoing' | 'incoming', id: string): Promise<DocumentForArchive | null> {
  if (kind === 'outgoing') {
    const r = await repo.outgoingWithOrg(db, id);
    return r && { kind, ...r };
  }
  const r = await repo.incomingWithWrittenDate(db, id);
  return r && { kind, ...r };
}

/** Every closed document of a year in full, in two queries (the demo seed's year-end archiving). */
export async function closedDocumentsForArchive(db: DbOrTx, year: number): Promise<DocumentForArchive[]> {
  const { out, inc } = await repo.closedOfYear(db, year);
  return [...out.map((r) => ({ kind: 'outgoing' as const, ...r })), ...inc.map((r) => ({ kind: 'incoming' as const, ...r }))];
}
