/** 痕迹保留: the writes of versions and seen markers, inside the documents service's transactions. */
import { isClassified, type DocumentStatus } from '@township-office/domain/documents';
import type { DbOrTx, Tx } from '../../db/client.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { DocumentRow } from './documents.tables.ts';
import { revisionsRepository as repo } from './revisions.repository.ts';

/**
 * Appends a version of `doc` (its state after the caller's write) when its title or body differs
 * from the latest version, inside the caller's transaction (which holds the document's row lock,
 * so the sequence is gap-free, and writes the audit row). The saver has seen what they saved.
 * Returns the new version's number, or null when nothing changed.
 */
export async function recordRevision(tx: Tx, ctx: RequestContext, doc: DocumentRow, step: DocumentStatus): Promise<number | null> {
  const last = await repo.latest(tx, doc.id);
  if (last && last.title === doc.title && (last.body ?? null) === (doc.body ?? null)) return null;
  const row = await repo.insert(tx, {
    orgId: doc.orgId,
    documentId: doc.id,
    documentClassification: doc.classification,
    seq: (last?.seq ?? 0) + 1,
    title: doc.title,
    body: isClassified(doc.classification) ? null : doc.body,
    statusAtSave: step,
    savedBy: ctx.actor.userId,
  });
  await repo.markSeen(tx, doc.id, ctx.actor.userId, row.seq);
  return row.seq;
}

/** A document about to become classified loses the bodies of its versions too (the CHECK requires it). */
export async function clearRevisionBodies(tx: Tx, documentId: string): Promise<number> {
  return repo.clearBodies(tx, documentId);
}

/** The signer has seen the version they signed; returns it (null for a document with no versions). */
export async function markSignedRevisionSeen(tx: DbOrTx, actor: Actor, documentId: string): Promise<number | null> {
  const last = await repo.latest(tx, documentId);
  if (!last) return null;
  await repo.markSeen(tx, documentId, actor.userId, last.seq);
  return last.seq;
}
