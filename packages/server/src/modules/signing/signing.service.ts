/**
 * The org's seal picture and document signing keys, kept by the security administrator (安全保密管理员,
 * 三员; issue 13). The seal is a validated PNG stored with the org (org_seals) and placed on the
 * org's official documents per GB/T 9704-2012 7.3.5.1; the keys live in the key store outside the
 * database (platform/document-signing.ts) and rotate there, every retired public key kept so that
 * documents signed before a rotation still verify. Every change is audited in its transaction.
 */
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import {
  SEAL_MAX_ASPECT,
  SEAL_MAX_BYTES,
  SEAL_MAX_PX,
  SEAL_MIN_PX,
  inspectPng,
  pngRowBytes,
  type OrgSigning,
  type SealInfo,
} from '@township-office/domain/signing';
import { SigningErrors } from '@township-office/domain/signing.errors';
import type { Db, DbOrTx } from '../../db/client.ts';
import { assertMay } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { activeDocumentSigner } from '../../platform/document-signing.ts';
import { AppError } from '../../platform/errors.ts';
import { orgById } from '../orgs/orgs.service.ts';
import { signingRepository as repo } from './signing.repository.ts';
import type { OrgSealRow } from './signing.tables.ts';

/** Any number no other lock uses: one rotation of an org's key at a time. */
const ROTATE_LOCK = 7201275;

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/**
 * A seal picture as the layout can use it, or the refusal a clerk can act on: a real PNG (chunks
 * and CRCs, the image data inflating to exactly its rows), at most 512 KB, 200–4000 px a side,
 * square-ish, 8 bits a channel (what the PDF and OFD writers embed). An opaque background is
 * allowed but warned about: it hides the 署名 and date the seal presses on.
 */
export function validateSeal(bytes: Buffer): { width: number; height: number; transparent: boolean } {
  if (bytes.length === 0) throw new AppError(SigningErrors.SEAL_MISSING);
  if (bytes.length > SEAL_MAX_BYTES) throw new AppError(SigningErrors.SEAL_TOO_LARGE, { size: kb(bytes.length) });
  const info = inspectPng(bytes);
  if (info === 'not_png') throw new AppError(SigningErrors.SEAL_NOT_PNG);
  if (info === 'corrupt') throw new AppError(SigningErrors.SEAL_CORRUPT);
  const { width, height } = info;
  if (Math.min(width, height) < SEAL_MIN_PX || Math.max(width, height) > SEAL_MAX_PX)
    throw new AppError(SigningErrors.SEAL_SIZE, { width, height, min: SEAL_MIN_PX, max: SEAL_MAX_PX });
  if (Math.max(width, height) / Math.min(width, height) > SEAL_MAX_ASPECT)
    throw new AppError(SigningErrors.SEAL_NOT_SQUARE, { width, height });
  if (info.bitDepth > 8 || (info.bitDepth < 8 && info.colorType !== 3 && info.colorType !== 0))
    throw new AppError(SigningErrors.SEAL_DEPTH, { depth: info.bitDepth });
  // The image data must decode: inflate it and count the rows (each a filter byte 0–4 and its pixels).
  const rowBytes = pngRowBytes(info);
  const expected = info.interlaced ? null : height * (rowBytes + 1);
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(info.idat), { maxOutputLength: (expected ?? height * (rowBytes + 1) * 2) + 1 });
  } catch {
    throw new AppError(SigningErrors.SEAL_CORRUPT);
  }
  if (expected !== null) {
    if (raw.length !== expected) throw new AppError(SigningErrors.SEAL_CORRUPT);
    for (let y = 0; y < height; y++) if (raw[y * (rowBytes + 1)]! > 4) throw new AppError(SigningErrors.SEAL_CORRUPT);
  }
  return { width, height, transparent: info.hasAlpha };
}

async function requireOrg(db: DbOrTx, orgId: string) {
  const org = await orgById(db, orgId);
  if (!org) throw new AppError(SigningErrors.ORG_UNKNOWN);
  return org;
}

const sealInfo = (row: OrgSealRow & { setByName: string }): SealInfo => ({
  orgId: row.orgId,
  width: row.width,
  height: row.height,
  bytes: row.png.length,
  sha256: row.sha256,
  transparent: row.transparent,
  setAt: new Date(row.setAt).toISOString(),
  setByName: row.setByName,
});

/** The org's seal (without its bytes) and its signing keys, for the security administrator's page. */
export async function orgSigning(db: Db, ctx: RequestContext, orgId: string): Promise<OrgSigning> {
  assertMay(ctx.actor, 'orgs.signing');
  const org = await requireOrg(db, orgId);
  const seal = await repo.sealOf(db, orgId);
  const signer = activeDocumentSigner();
  return {
    orgId,
    orgName: org.name,
    seal: seal ? sealInfo(seal) : null,
    keyStore: signer !== null,
    keys: (signer?.keys(orgId) ?? []).map((k) => ({
      fingerprint: k.fingerprint,
      createdAt: k.createdAt ? k.createdAt.toISOString() : null,
      retiredAt: k.retiredAt ? k.retiredAt.toISOString() : null,
      current: k.current,
    })),
  };
}

/** Sets (or replaces) the org's seal picture. */
export async function setSeal(db: Db, ctx: RequestContext, orgId: string, bytes: Buffer) {
  assertMay(ctx.actor, 'orgs.signing');
  await requireOrg(db, orgId);
  const checked = validateSeal(bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return db.transaction(async (tx) => {
    const before = await repo.sealOf(tx, orgId, { lock: true });
    await repo.upsert(tx, { orgId, png: bytes, sha256, ...checked, setBy: ctx.actor.userId });
    await writeAudit(tx, ctx, {
      action: 'org.seal.set',
      entity: 'org',
      entityId: orgId,
      orgId,
      before: before ? { sha256: before.sha256, width: before.width, height: before.height } : null,
      after: { sha256, bytes: bytes.length, ...checked },
    });
    const row = (await repo.sealOf(tx, orgId))!;
    const warnings: 'opaque'[] = checked.transparent ? [] : ['opaque'];
    return { ...sealInfo(row), warnings };
  });
}

/** The seal picture's bytes (for the security administrator's preview). */
export async function sealPicture(db: Db, ctx: RequestContext, orgId: string): Promise<Buffer> {
  assertMay(ctx.actor, 'orgs.signing');
  await requireOrg(db, orgId);
  const row = await repo.sealOf(db, orgId);
  if (!row) throw new AppError(SigningErrors.SEAL_NOT_SET);
  return row.png;
}

/** Removes the org's seal: its documents print unsealed (GB/T 9704 7.3.5.2) from then on. */
export async function deleteSeal(db: Db, ctx: RequestContext, orgId: string): Promise<void> {
  assertMay(ctx.actor, 'orgs.signing');
  await requireOrg(db, orgId);
  await db.transaction(async (tx) => {
    const before = await repo.sealOf(tx, orgId, { lock: true });
    if (!before) throw new AppError(SigningErrors.SEAL_NOT_SET);
    await repo.remove(tx, orgId);
    await writeAudit(tx, ctx, {
      action: 'org.seal.delete',
      entity: 'org',
      entityId: orgId,
      orgId,
      before: { sha256: before.sha256, width: before.width, height: before.height },
    });
  });
}

/**
 * Rotates the org's document signing key in the key store: a new SM2 key signs from now on, the
 * outgoing public key stays trusted (marked retired), so everything signed before still verifies.
 * The key file is replaced inside the transaction that writes the audit row, under a lock, so two
 * rotations do not interleave; a failed audit write leaves the new key in place and is logged as the
 * 5xx it is.
 */
export async function rotateSigningKey(
  db: Db,
  ctx: RequestContext,
  orgId: string,
): Promise<{ fingerprint: string; previous: string | null }> {
  assertMay(ctx.actor, 'orgs.signing');
  await requireOrg(db, orgId);
  const signer = activeDocumentSigner();
  if (!signer) throw new AppError(SigningErrors.NO_KEY_STORE);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${ROTATE_LOCK}, hashtext(${orgId}))`);
    const previous = signer.keys(orgId).find((k) => k.current)?.fingerprint ?? null;
    const fingerprint = signer.rotate(orgId);
    await writeAudit(tx, ctx, {
      action: 'signing.key.rotate',
      entity: 'org',
      entityId: orgId,
      orgId,
      before: { fingerprint: previous },
      after: { fingerprint },
    });
    return { fingerprint, previous };
  });
}

/** The seal picture an org's documents carry, or null (the documents module's renderer asks). */
export async function sealForDocuments(db: DbOrTx, orgId: string): Promise<Buffer | null> {
  return (await repo.sealOf(db, orgId))?.png ?? null;
}
