/** Signed documents: the signature written inside the dispatch transaction (documents.service dispatchDocument). */
import type { Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { activeDocumentSigner, type DocumentSignature } from '../../platform/document-signing.ts';
import type { DocumentRow } from './documents.tables.ts';
import { signaturesRepository as repo } from './signatures.repository.ts';

/**
 * Signs `pdf` (the document as it is dispatched) with the issuing org's key and keeps the bytes with
 * the signature, in the caller's transaction: a dispatch that rolls back leaves no signature.
 * Returns null when the process has no key store open (a seed run without one): the document is
 * then dispatched unsigned and says so, and the PDF is not rendered at all (`render` is not called).
 */
export async function signDispatched(
  tx: Tx,
  ctx: RequestContext,
  doc: DocumentRow,
  render: () => Promise<Buffer>,
): Promise<DocumentSignature | null> {
  const signer = activeDocumentSigner();
  if (!signer) return null;
  const pdf = await render();
  const signature = signer.sign(doc.orgId, pdf);
  await repo.insert(tx, {
    documentId: doc.id,
    orgId: doc.orgId,
    pdf,
    sm3: signature.sm3,
    keyFingerprint: signature.fingerprint,
    signature: signature.signature,
    signedBy: ctx.actor.userId,
  });
  return signature;
}
