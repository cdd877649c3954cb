import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { recipientGroups, type RecipientGroupRow } from './recipient-groups.tables.ts';

const live = (countyId: string) => and(eq(recipientGroups.orgId, countyId), isNull(recipientGroups.deletedAt));

export const recipientGroupsRepository = {
  list(db: DbOrTx, countyId: string): Promise<RecipientGroupRow[]> {
    return db.select().from(recipientGroups).where(live(countyId)).orderBy(asc(recipientGroups.createdAt), asc(recipientGroups.name));
  },
  async byId(db: DbOrTx, countyId: string, id: string, opts: { lock?: boolean } = {}): Promise<RecipientGroupRow | undefined> {
    const q = db
      .select()
      .from(recipientGroups)
      .where(and(live(countyId), eq(recipientGroups.id, id)));
    const [row] = await (opts.lock ? q.for('update') : q);
    return row;
  },
  byIds(db: DbOrTx, countyId: string, ids: readonly string[]): Promise<RecipientGroupRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(recipientGroups)
      .where(and(live(countyId), inArray(recipientGroups.id, [...ids])));
  },
  async insert(db: DbOrTx, values: typeof recipientGroups.$inferInsert): Promise<RecipientGroupRow> {
    const [row] = await db.insert(recipientGroups).values(values).returning();
    return row!;
  },
  async update(db: DbOrTx, id: string, values: Partial<typeof recipientGroups.$inferInsert>): Promise<RecipientGroupRow> {
    const [row] = await db
      .update(recipientGroups)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(recipientGroups.id, id))
      .returning();
    return row!;
  },
};
