import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { orgs, type OrgRow } from './orgs.tables.ts';

export const orgsRepository = {
  /** The county's tree: a province above it (issue 14) is not an org anyone addresses or picks. */
  listActive(db: DbOrTx): Promise<OrgRow[]> {
    return db
      .select()
      .from(orgs)
      .where(and(isNull(orgs.disabledAt), ne(orgs.kind, 'province')))
      .orderBy(asc(orgs.sortOrder), asc(orgs.name));
  },
  async byId(db: DbOrTx, id: string): Promise<OrgRow | undefined> {
    const [row] = await db.select().from(orgs).where(eq(orgs.id, id));
    return row;
  },
  async byCode(db: DbOrTx, code: string): Promise<OrgRow | undefined> {
    const [row] = await db.select().from(orgs).where(eq(orgs.code, code));
    return row;
  },
  async root(db: DbOrTx): Promise<OrgRow | undefined> {
    const [row] = await db.select().from(orgs).where(eq(orgs.kind, 'county')).orderBy(asc(orgs.sortOrder), asc(orgs.name)).limit(1);
    return row;
  },
  async insert(db: DbOrTx, values: typeof orgs.$inferInsert): Promise<OrgRow> {
    const [row] = await db.insert(orgs).values(values).returning();
    return row!;
  },
};

/** The county an org stands in (itself when it is one): up the tree, at most a few steps. */
export async function countyIdOf(db: DbOrTx, orgId: string): Promise<string | undefined> {
  const r = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE up AS (
      SELECT id, parent_id, kind, 0 AS depth FROM orgs WHERE id = ${orgId}::uuid
      UNION ALL SELECT o.id, o.parent_id, o.kind, up.depth + 1 FROM orgs o JOIN up ON o.id = up.parent_id WHERE up.depth < 10
    )
    SELECT id FROM up WHERE kind = 'county' ORDER BY depth LIMIT 1`);
  return r.rows[0]?.id;
}
