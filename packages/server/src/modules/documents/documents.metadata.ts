/**
 * The core metadata of the electronic document (GB/T 33480-2016, which defines them on the elements
 * of GB/T 9704-2012), built from the same input the PDF is rendered from, as JSON and as XML.
 */
import { URGENCY_LABELS, formatSecrecyPeriod, secrecyMark, secrecyOf } from '@township-office/domain/documents';
import type { DocumentMetadata } from '@township-office/domain/documents.api';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { authorize } from '../../platform/policy.ts';
import { documentPolicy } from './documents.policy.ts';
import { officialDocumentInput, readableDocument } from './documents.service.ts';
import { documentsRepository } from './documents.repository.ts';
import { printedRecipientsOf } from './documents.recipients.ts';

export async function documentMetadata(db: Db, actor: Actor, id: string): Promise<DocumentMetadata> {
  const doc = await readableDocument(db, actor, id);
  authorize(documentPolicy, actor, 'metadata', doc);
  const input = await officialDocumentInput(db, doc);
  const printed = printedRecipientsOf(
    doc,
    await documentsRepository.orgNames(db, [...doc.mainRecipientOrgIds, ...doc.copyRecipientOrgIds]),
  );
  const issuers = input.issuers ?? [input.signatureName];
  const date = (d: string | Date | null | undefined) => (d ? (typeof d === 'string' ? d : d.toISOString().slice(0, 10)) : null);
  return {
    identifier: doc.id,
    docNumber: doc.docNumber,
    docType: doc.docType,
    // 份号 and 密级和保密期限 (GB/T 9704—2012 7.2.1, 7.2.2) where the record has them: the 份号 of a paper
    // dispatch; the policy refuses a classified document (no electronic form), so its mark never reaches here.
    copyNo: doc.channel === 'paper' ? doc.copyNumbers : null,
    classification: secrecyMark(doc.classification, null),
    secrecyPeriod: formatSecrecyPeriod(secrecyOf(doc)),
    urgency: URGENCY_LABELS[doc.urgency],
    masthead: input.issuers ? `${input.issuers.join('、')}${input.issuerSuffix ?? ''}` : input.issuerName,
    issuer: issuers[0]!,
    coIssuers: issuers.slice(1),
    signer: doc.signerName,
    title: doc.title,
    // A group's name holds 、 itself (各乡镇（区）党委、政府): the list, not the printed line split again.
    mainRecipients: printed.main,
    attachmentNote: (input.attachments ?? []).map((a) => a.name),
    signatures: input.signatureNames ?? [input.signatureName],
    writtenDate: doc.writtenDate,
    note: doc.remark,
    copyRecipients: printed.copy,
    printedBy: input.printedBy,
    printedDate: doc.dispatchedAt ? date(input.printedDate) : null,
  };
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** The metadata as XML: one element per field, lists as repeated <item> children, empty ones present and empty. */
export function metadataXml(m: DocumentMetadata): string {
  const field = (name: string, value: string | string[] | null) =>
    Array.isArray(value)
      ? `  <${name}>${value.map((v) => `<item>${escapeXml(v)}</item>`).join('')}</${name}>`
      : `  <${name}>${value === null ? '' : escapeXml(value)}</${name}>`;
  const body = (Object.entries(m) as [string, string | string[] | null][]).map(([k, v]) => field(k, v)).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<documentMetadata standard="GB/T 33480-2016">\n${body}\n</documentMetadata>\n`;
}
