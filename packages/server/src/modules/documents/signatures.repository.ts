/** SQL of signed documents: the dispatched PDF and its signature, with the signer's and the org's names. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../accounts/accounts.tables.ts';
import { orgs } from '../orgs/orgs.tables.ts';
import { documentSignatures, type SignatureRow } from './signatures.tables.ts';

export const signaturesRepository = {
  async insert(tx: DbOrTx, values: typeof documentSignatures.$inferInsert): Promise<void> {
    await tx.insert(documentSignatures).values(values);
  },
  /** The signature of a document, with who signed (the dispatcher) and the issuing org's name (joins to users and orgs for names only). */
  async of(db: DbOrTx, documentId: string): Promise<(SignatureRow & { signedByName: string; orgName: string }) | undefined> {
    const [row] = await db
      .select({
        documentId: documentSignatures.documentId,
        orgId: documentSignatures.orgId,
        pdf: documentSignatures.pdf,
        sm3: documentSignatures.sm3,
        keyFingerprint: documentSignatures.keyFingerprint,
        signature: documentSignatures.signature,
        signedBy: documentSignatures.signedBy,
        signedAt: documentSignatures.signedAt,
        signedByName: users.displayName,
        orgName: orgs.name,
      })
      .from(documentSignatures)
      .innerJoin(users, eq(users.id, documentSignatures.signedBy))
      .innerJoin(orgs, eq(orgs.id, documentSignatures.orgId))
      .where(eq(documentSignatures.documentId, documentId));
    return row;
  },
};
