/** 附件: upload (type by content, not by name), download, remove (a recorded state). */
import { fileTypeFromBuffer } from 'file-type';
import { RESIGN_STATUSES } from '@township-office/domain/documents';
import { DocumentErrors } from '@township-office/domain/documents.errors';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assertMay, canReadOrg } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { documentsRepository } from './documents.repository.ts';
import { readableDocument } from './documents.service.ts';
import { authorize } from '../../platform/policy.ts';
import { documentPolicy } from './documents.policy.ts';
import { sha256Of, type FileStorage } from '../../platform/files.ts';
import { documentAttachments, storedFiles, type AttachmentRow } from './documents.tables.ts';

const OLE_EXT = new Set(['doc', 'xls', 'wps', 'et', 'dps', 'ppt']);

/** Detects the type from the bytes: PDF, OFD (a zip holding OFD.xml), DOCX/XLSX, DOC/XLS/WPS (OLE), JPG, PNG. */
export async function sniffAllowed(bytes: Buffer, fileName: string): Promise<{ mime: string } | { refused: string }> {
  const t = await fileTypeFromBuffer(bytes);
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (!t) return { refused: 'unknown' };
  switch (t.ext) {
    case 'pdf':
    case 'jpg':
    case 'png':
    case 'docx':
    case 'xlsx':
      return { mime: t.mime };
    case 'cfb':
      return OLE_EXT.has(ext)
        ? {
            mime:
              ext === 'xls' || ext === 'et'
                ? 'application/vnd.ms-excel'
                : ext === 'wps'
                  ? 'application/vnd.ms-works'
                  : 'application/msword',
          }
        : { refused: 'cfb' };
    case 'zip':
      return bytes.includes(Buffer.from('OFD.xml')) ? { mime: 'application/ofd' } : { refused: 'zip' };
    default:
      return { refused: t.ext };
  }
}

export async function uploadAttachment(
  db: Db,
  storage: FileStorage,
  ctx: RequestContext,
  documentId: string,
  file: { fileName: string; bytes: Buffer },
): Promise<AttachmentRow> {
  assertMay(ctx.actor, 'documents.draft');
  const doc = await documentsRepository.byId(db, documentId);
  if (!doc || !canReadOrg(ctx.actor, doc.orgId)) throw notFound();
  authorize(documentPolicy, ctx.actor, 'uploadAttachment', doc);
  const sniff = await sniffAllowed(file.bytes, file.fileName);
  if ('refused' in sniff) throw new AppError(DocumentErrors.FILE_TYPE_NOT_ALLOWED, { type: sniff.refused });
  const sha = sha256Of(file.bytes);
  await storage.put(file.bytes);
  return db.transaction(async (tx) => {
    const locked = (await documentsRepository.byId(tx, documentId, { lock: true }))!;
    authorize(documentPolicy, ctx.actor, 'uploadAttachment', locked);
    await tx.insert(storedFiles).values({ sha256: sha, orgId: doc.orgId, size: file.bytes.length, mime: sniff.mime }).onConflictDoNothing();
    const [row] = await tx
      .insert(documentAttachments)
      .values({
        orgId: doc.orgId,
        documentId,
        documentClassification: locked.classification,
        sha256: sha,
        fileName: file.fileName,
        mime: sniff.mime,
        size: file.bytes.length,
        uploadedBy: ctx.actor.userId,
      })
      .returning();
    // A change after sign-off goes back to the signer.
    if (RESIGN_STATUSES.includes(locked.status))
      await documentsRepository.update(tx, documentId, {
        status: 'reviewed',
        signerId: null,
        signerName: null,
        signOffOpinion: null,
        signedAt: null,
        writtenDate: null,
      });
    await writeAudit(tx, ctx, {
      action: 'document.attachment.add',
      entity: 'document',
      entityId: documentId,
      orgId: doc.orgId,
      after: { attachmentId: row!.id, fileName: file.fileName, sha256: sha, size: file.bytes.length },
    });
    return row!;
  });
}

export async function attachmentForDownload(db: Db, ctx: RequestContext, documentId: string, attachmentId: string): Promise<AttachmentRow> {
  await readableDocument(db, ctx.actor, documentId);
  const [row] = await db
    .select()
    .from(documentAttachments)
    .where(
      and(eq(documentAttachments.id, attachmentId), eq(documentAttachments.documentId, documentId), isNull(documentAttachments.removedAt)),
    );
  if (!row) throw notFound();
  return row;
}

export async function removeAttachment(db: Db, ctx: RequestContext, documentId: string, attachmentId: string): Promise<void> {
  assertMay(ctx.actor, 'documents.draft');
  await db.transaction(async (tx) => {
    const doc = await documentsRepository.byId(tx, documentId, { lock: true });
    if (!doc || !canReadOrg(ctx.actor, doc.orgId)) throw notFound();
    authorize(documentPolicy, ctx.actor, 'edit', doc);
    const [row] = await tx
      .update(documentAttachments)
      .set({ removedAt: new Date() })
      .where(
        and(
          eq(documentAttachments.id, attachmentId),
          eq(documentAttachments.documentId, documentId),
          isNull(documentAttachments.removedAt),
        ),
      )
      .returning();
    if (!row) throw notFound();
    if (RESIGN_STATUSES.includes(doc.status))
      await documentsRepository.update(tx, documentId, {
        status: 'reviewed',
        signerId: null,
        signerName: null,
        signOffOpinion: null,
        signedAt: null,
        writtenDate: null,
      });
    await writeAudit(tx, ctx, {
      action: 'document.attachment.remove',
      entity: 'document',
      entityId: documentId,
      orgId: doc.orgId,
      after: { attachmentId },
    });
  });
}
