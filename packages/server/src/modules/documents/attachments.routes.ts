/** Attachment upload (multipart, registered here for these routes only) and download under the Chinese name. */
import { fileResponse } from '@township-office/domain/print';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentOut } from '@township-office/domain/documents.api';
import { DocumentErrors } from '@township-office/domain/documents.errors';
import { CommonErrors } from '@township-office/domain/errors';
import { FileErrors } from '@township-office/domain/files.errors';
import type { RouteModule } from '../../platform/app-types.ts';
import { AppError } from '../../platform/errors.ts';
import { fileStorageFor, StoredFileMissing } from '../../platform/files.ts';
import { sendFile } from '../../platform/print/send.ts';
import * as svc from './attachments.service.ts';
import { presentAttachment } from './documents.presenter.ts';

const tags = ['documents'];
const params = z.object({ id: z.uuid() }).strict();
const attParams = z.object({ id: z.uuid(), attachmentId: z.uuid() }).strict();

/** "50 MB", or "200 KB" for a small configured limit (a test's). */
export function sizeLabel(bytes: number): string {
  return bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * The one file of an upload, whole. Busboy marks a file cut at the size limit as `truncated`, but
 * toBuffer() only looks at the flag while chunks still arrive: when the limit falls exactly on a
 * chunk boundary the cut file comes back as if complete (uploads of 51–64 MB were stored at exactly
 * 50 MiB with 201). So the flag is checked again after the last chunk. A second file is refused
 * rather than dropped; `files: 2` lets busboy hand it over so we can see it.
 */
export async function theOneFile(req: FastifyRequest, limit: number): Promise<{ fileName: string; bytes: Buffer }> {
  const tooLarge = () => new AppError(CommonErrors.BODY_TOO_LARGE, { limit: sizeLabel(limit) });
  let found: { fileName: string; bytes: Buffer } | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue;
      if (found) throw new AppError(FileErrors.ONE_FILE_PER_UPLOAD);
      const bytes = await part.toBuffer();
      if (part.file.truncated || bytes.length > limit) throw tooLarge();
      found = { fileName: part.filename || 'file', bytes };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code === 'FST_FILES_LIMIT') throw new AppError(FileErrors.ONE_FILE_PER_UPLOAD);
    // busboy reports a malformed body (no boundary, cut short) as a plain Error: the caller's fault.
    if ((err as { statusCode?: number }).statusCode) throw err;
    throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: `multipart: ${(err as Error).message}`.slice(0, 120) });
  }
  if (!found || found.bytes.length === 0) throw new AppError(DocumentErrors.FILE_MISSING);
  return found;
}

export const attachmentRoutes: RouteModule = (app, { db, config }) => {
  const storage = fileStorageFor(config);
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    await scope.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 2, fields: 5 } });
    scope.post(
      '/api/documents/:id/attachments',
      {
        config: { action: 'documents.draft' },
        schema: {
          tags,
          summary: 'upload an attachment (multipart field "file"; one file per request)',
          params,
          consumes: ['multipart/form-data'],
          response: { 201: attachmentOut },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart()) throw new AppError(DocumentErrors.FILE_MISSING);
        const file = await theOneFile(req, config.maxUploadBytes);
        const fileName = file.fileName
          .normalize('NFC')
          .replace(/[\\/\r\n"]/g, '_')
          .slice(0, 255);
        const row = await svc.uploadAttachment(db, storage, req.ctx, req.params.id, { fileName, bytes: file.bytes });
        return reply.code(201).send(presentAttachment(row));
      },
    );
  });
  app.get(
    '/api/documents/:id/attachments/:attachmentId',
    {
      config: { action: 'business.read' },
      schema: { tags, summary: 'download an attachment', params: attParams, response: { 200: fileResponse('application/octet-stream') } },
    },
    async (req, reply) => {
      const row = await svc.attachmentForDownload(db, req.ctx, req.params.id, req.params.attachmentId);
      let bytes: Buffer;
      try {
        bytes = await storage.get(row.sha256);
      } catch (err) {
        // The row is there but the bytes are not (a store that was not restored or not shared): say so, no 500.
        if (err instanceof StoredFileMissing) throw new AppError(FileErrors.STORED_FILE_MISSING);
        throw err;
      }
      return sendFile(reply, bytes, row.fileName, row.mime);
    },
  );
  app.post(
    '/api/documents/:id/attachments/:attachmentId/remove',
    {
      config: { action: 'documents.draft' },
      schema: {
        tags,
        summary: 'remove an attachment (a recorded state)',
        params: attParams,
        body: z.object({}).strict().optional(),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await svc.removeAttachment(db, req.ctx, req.params.id, req.params.attachmentId);
      return { ok: true as const };
    },
  );
};
