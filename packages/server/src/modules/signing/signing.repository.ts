/** SQL of the seal pictures: one per org, with who set it (joins users for the name only). */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../accounts/accounts.tables.ts';
import { orgSeals, type OrgSealRow } from './signing.tables.ts';

export const signingRepository = {
  async sealOf(db: DbOrTx, orgId: string, opts: { lock?: boolean } = {}): Promise<(OrgSealRow & { setByName: string }) | undefined> {
    const q = db
      .select({
        orgId: orgSeals.orgId,
        png: orgSeals.png,
        sha256: orgSeals.sha256,
        width: orgSeals.width,
        height: orgSeals.height,
        transparent: orgSeals.transparent,
        setBy: orgSeals.setBy,
        setAt: orgSeals.setAt,
        setByName: users.displayName,
      })
      .from(orgSeals)
      .innerJoin(users, eq(users.id, orgSeals.setBy))
      .where(eq(orgSeals.orgId, orgId));
    const [row] = opts.lock ? await q.for('update', { of: orgSeals }) : await q;
    return row;
  },
  async upsert(tx: DbOrTx, values: typeof orgSeals.$inferInsert): Promise<void> {
    await tx
      .insert(orgSeals)
      .values(values)
      .onConflictDoUpdate({
        target: orgSeals.orgId,
        set: {
          png: values.png,
          sha256: values.sha256,
          width: values.width,
          height: values.height,
          transparent: values.transparent,
          setBy: values.setBy,
          setAt: new Date(),
        },
      });
  },
  async remove(tx: DbOrTx, orgId: string): Promise<void> {
    await tx.delete(orgSeals).where(eq(orgSeals.orgId, orgId));
  },
};
