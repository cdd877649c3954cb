/** SQL of 痕迹保留: a document's versions and the version each user last saw. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../accounts/accounts.tables.ts';
import { documentRevisionViews, documentRevisions, type RevisionRow } from './revisions.tables.ts';

export const revisionsRepository = {
  async latest(db: DbOrTx, documentId: string): Promise<RevisionRow | undefined> {
    const [row] = await db
      .select()
      .from(documentRevisions)
      .where(eq(documentRevisions.documentId, documentId))
      .orderBy(desc(documentRevisions.seq))
      .limit(1);
    return row;
  },
  async insert(tx: DbOrTx, values: typeof documentRevisions.$inferInsert): Promise<RevisionRow> {
    const [row] = await tx.insert(documentRevisions).values(values).returning();
    return row!;
  },
  /** Every version, oldest first, with the saver's name (no bodies: the list does not carry them). */
  async list(db: DbOrTx, documentId: string) {
    return db
      .select({
        seq: documentRevisions.seq,
        title: documentRevisions.title,
        statusAtSave: documentRevisions.statusAtSave,
        savedBy: documentRevisions.savedBy,
        savedByName: users.displayName,
        savedAt: documentRevisions.savedAt,
      })
      .from(documentRevisions)
      .innerJoin(users, eq(users.id, documentRevisions.savedBy))
      .where(eq(documentRevisions.documentId, documentId))
      .orderBy(documentRevisions.seq);
  },
  async bySeqs(db: DbOrTx, documentId: string, seqs: number[]): Promise<RevisionRow[]> {
    return db
      .select()
      .from(documentRevisions)
      .where(and(eq(documentRevisions.documentId, documentId), inArray(documentRevisions.seq, seqs)));
  },
  /** A document made classified keeps no content: its versions lose their bodies with it. */
  async clearBodies(tx: DbOrTx, documentId: string): Promise<number> {
    const r = await tx
      .update(documentRevisions)
      .set({ body: null })
      .where(and(eq(documentRevisions.documentId, documentId), sql`${documentRevisions.body} IS NOT NULL`))
      .returning({ seq: documentRevisions.seq });
    return r.length;
  },
  async lastSeen(db: DbOrTx, documentId: string, userId: string): Promise<number | null> {
    const [row] = await db
      .select({ seq: documentRevisionViews.lastSeenSeq })
      .from(documentRevisionViews)
      .where(and(eq(documentRevisionViews.documentId, documentId), eq(documentRevisionViews.userId, userId)));
    return row ? row.seq : null;
  },
  /** The user has seen version `seq`; the marker never moves back. */
  async markSeen(db: DbOrTx, documentId: string, userId: string, seq: number): Promise<void> {
    await db
      .insert(documentRevisionViews)
      .values({ documentId, userId, lastSeenSeq: seq })
      .onConflictDoUpdate({
        target: [documentRevisionViews.documentId, documentRevisionViews.userId],
        set: {
          lastSeenSeq: sql`GREATEST(${documentRevisionViews.lastSeenSeq}, excluded.last_seen_seq)`,
          seenAt: sql`now()`,
        },
      });
  },
};
