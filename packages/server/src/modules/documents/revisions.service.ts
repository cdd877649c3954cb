/**
 * 痕迹保留 (issue 13): every saved change of a document's title or body after submission is a
 * version, with who saved it, when and at which step; any two versions can be compared, and each
 * reader learns what changed since the version they last saw (opened, saved or signed).
 */
import { isClassified } from '@township-office/domain/documents';
import { DocumentErrors } from '@township-office/domain/documents.errors';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { readableDocument } from './documents.service.ts';
import { diffText } from './revisions.diff.ts';
import { revisionsRepository as repo } from './revisions.repository.ts';

/**
 * The versions of a readable document, with the latest the caller had seen before; the caller has
 * now seen the latest. Writing the marker is not audited: it records a read, not a change.
 */
export async function listRevisions(db: Db, ctx: RequestContext, id: string) {
  const doc = await readableDocument(db, ctx.actor, id);
  const rows = await repo.list(db, doc.id);
  const lastSeenSeq = await repo.lastSeen(db, doc.id, ctx.actor.userId);
  const latest = rows.at(-1);
  if (latest && latest.seq !== lastSeenSeq) await repo.markSeen(db, doc.id, ctx.actor.userId, latest.seq);
  return {
    items: rows.map((r) => ({
      seq: r.seq,
      title: r.title,
      savedBy: { id: r.savedBy, displayName: r.savedByName },
      savedAt: new Date(r.savedAt).toISOString(),
      step: r.statusAtSave,
    })),
    lastSeenSeq,
  };
}

/** The title's and body's differences from version `from` to version `to` (from < to). */
export async function diffRevisions(db: Db, ctx: RequestContext, id: string, q: { from: number; to: number }) {
  const doc = await readableDocument(db, ctx.actor, id);
  if (q.from >= q.to) throw new AppError(DocumentErrors.REVISION_RANGE, { from: q.from, to: q.to });
  const rows = await repo.bySeqs(db, doc.id, [q.from, q.to]);
  const a = rows.find((r) => r.seq === q.from);
  const b = rows.find((r) => r.seq === q.to);
  if (!a) throw new AppError(DocumentErrors.REVISION_NOT_FOUND, { seq: q.from });
  if (!b) throw new AppError(DocumentErrors.REVISION_NOT_FOUND, { seq: q.to });
  const classified = isClassified(doc.classification);
  return {
    from: q.from,
    to: q.to,
    title: diffText(a.title, b.title),
    body: classified ? [] : diffText(a.body ?? '', b.body ?? ''),
  };
}
