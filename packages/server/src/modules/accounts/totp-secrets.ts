/**
 * TOTP seeds are sealed at rest with SM4 under the key store's data key (platform/keys.ts), so a
 * stolen database or backup does not hand out second factors. Secrets stored before sealing
 * existed are read as they are (openSecret) and sealed at start-up by the sweep below; a
 * migration cannot do it, as the key is not in the database.
 */
import { and, isNotNull, notLike, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { writeAudit } from '../../platform/audit.ts';
import { activeKeyStore, isSealed, sealSecret } from '../../platform/keys.ts';
import { users } from './accounts.tables.ts';

export async function sealPlaintextTotpSecrets(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const plain = await tx
      .select({ id: users.id, secret: users.totpSecret })
      .from(users)
      .where(and(isNotNull(users.totpSecret), notLike(users.totpSecret, 'sm4:%')))
      .for('update');
    for (const u of plain)
      await tx
        .update(users)
        .set({ totpSecret: sealSecret(u.secret!) })
        .where(eq(users.id, u.id));
    if (plain.length)
      await writeAudit(
        tx,
        { actor: null, ip: null },
        { action: 'system.totp_secrets_sealed', entity: 'user', orgId: null, after: { count: plain.length } },
      );
    return plain.length;
  });
}

/**
 * Accounts whose sealed TOTP seed this key store cannot open (sealed under another data key: the
 * key store was lost or replaced). Said at start, so the operator restores the old `data.key` or
 * resets those authenticators before the users meet TOTP_SECRET_UNREADABLE at sign-in.
 */
export async function unreadableTotpSecrets(db: Db): Promise<string[]> {
  const store = activeKeyStore();
  if (!store) return [];
  const rows = await db.select({ username: users.username, secret: users.totpSecret }).from(users).where(isNotNull(users.totpSecret));
  return rows.filter((r) => isSealed(r.secret!) && !store.sealedHere(r.secret!)).map((r) => r.username);
}
