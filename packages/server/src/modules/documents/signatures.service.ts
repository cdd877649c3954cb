/**
 * Signed documents (issue 13): a document dispatched online was signed with its issuing org's SM2
 * key over the PDF's bytes (signatures.write.ts); its PDF is served as those bytes, and anyone who
 * may read the document can check a copy against the signature. See platform/document-signing.ts
 * for what this signature is and is not.
 */
import { labelOf } from '@township-office/domain/labels';
import type { SignatureVerdict } from '@township-office/domain/documents';
import type { SignatureCheck, SignatureState } from '@township-office/domain/documents.api';
import type { Locale } from '@township-office/domain/common';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { activeDocumentSigner, sm3Of } from '../../platform/document-signing.ts';
import { renderOfficialDocument } from './documents.pdf.ts';
import { documentForPdf, officialDocumentInput, readableDocument } from './documents.service.ts';
import { signaturesRepository as repo } from './signatures.repository.ts';

type Stored = NonNullable<Awaited<ReturnType<typeof repo.of>>>;

/** Whether `bytes` are the signed ones and the signature over them holds under the key it names. */
function check(sig: Stored | undefined, bytes: Buffer | null): SignatureVerdict {
  if (!sig) return 'not_signed';
  const data = bytes ?? sig.pdf;
  if (sm3Of(data) !== sig.sm3) return 'altered';
  const signer = activeDocumentSigner();
  if (!signer) return 'unknown_key';
  const r = signer.verify(sig.orgId, sig.keyFingerprint, data, sig.signature);
  return r === 'valid' ? 'valid' : r === 'unknown-key' ? 'unknown_key' : 'bad_signature';
}

const verdict = (reason: SignatureVerdict, locale: Locale) => ({
  verifies: reason === 'valid',
  reason,
  message: labelOf('SIGNATURE_VERDICT', reason, locale),
});

/** The PDF of a readable document: for one signed at dispatch, exactly the signed bytes; else rendered now. */
export async function documentPdf(db: Db, ctx: RequestContext, id: string) {
  const doc = await documentForPdf(db, ctx.actor, id);
  const sig = await repo.of(db, doc.id);
  const bytes = sig ? sig.pdf : await renderOfficialDocument(await officialDocumentInput(db, doc));
  return { doc, bytes };
}

/** The document's signature, checked again against its stored bytes and the key store. */
export async function signatureState(db: Db, ctx: RequestContext, id: string): Promise<SignatureState> {
  const doc = await readableDocument(db, ctx.actor, id);
  const sig = await repo.of(db, doc.id);
  return {
    signed: Boolean(sig),
    ...verdict(check(sig, null), ctx.locale),
    orgName: sig?.orgName ?? null,
    fingerprint: sig?.keyFingerprint ?? null,
    sm3: sig?.sm3 ?? null,
    signedAt: sig ? new Date(sig.signedAt).toISOString() : null,
    signedBy: sig?.signedByName ?? null,
  };
}

/** Checks an uploaded copy: the same bytes as dispatched and a valid signature over them. Writes nothing. */
export async function verifyCopy(db: Db, ctx: RequestContext, id: string, bytes: Buffer): Promise<SignatureCheck> {
  const doc = await readableDocument(db, ctx.actor, id);
  const sig = await repo.of(db, doc.id);
  return { ...verdict(check(sig, bytes), ctx.locale), sm3: sm3Of(bytes), signedSm3: sig?.sm3 ?? null, size: bytes.length };
}
