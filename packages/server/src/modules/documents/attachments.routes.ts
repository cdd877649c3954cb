/** Attachment upload (multipart, registered here for these routes only) and download under the Chinese name. */
import path from 'node:path';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentOut } from '@township-office/domain/documents.api';
import { DocumentErrors } from '@township-office/domain/documents.errors';
import type { RouteModule } from '../../platform/app-types.ts';
import { AppError } from '../../platform/errors.ts';
import { sendFile } from '../../platform/print/send.ts';
import * as svc from './attachments.service.ts';
import { presentAttachment } from './documents.presenter.ts';
import { LocalFileStorage } from './documents.storage.ts';

const tags = ['documents'];
const params = z.object({ id: z.uuid() }).strict();
const attParams = z.object({ id: z.uuid(), attachmentId: z.uuid() }).strict();

export const attachmentRoutes: RouteModule = (app, { db, config }) => {
  const storage = new LocalFileStorage(path.join(config.dataDir, 'files'));
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    await scope.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 5 } });
    scope.post('/api/documents/:id/attachments', { config: { action: 'documents.draft' }, schema: { tags, summary: 'upload an attachment (multipart field "file")', params, consumes: ['multipart/form-data'], response: { 201: attachmentOut } } }, async (req, reply) => {
      if (!req.isMultipart()) throw new AppError(DocumentErrors.FILE_MISSING);
      let file: Awaited<ReturnType<typeof req.file>>;
      let bytes: Buffer;
      try {
        file = await req.file();
        if (!file) throw new AppError(DocumentErrors.FILE_MISSING);
        bytes = await file.toBuffer();
      } catch (err) {
        // busboy reports a malformed body (no boundary, cut short) as a plain Error: the caller's fault.
        if (err instanceof AppError || (err as { statusCode?: number }).statusCode) throw err;
        throw new AppError(DocumentErrors.UPLOAD_MALFORMED);
      }
      if (bytes.length === 0) throw new AppError(DocumentErrors.FILE_MISSING);
      const fileName = (file.filename || 'file').normalize('NFC').replace(/[\\/\r\n"]/g, '_').slice(0, 255);
      const row = await svc.uploadAttachment(db, storage, req.ctx, req.params.id, { fileName, bytes });
      return reply.code(201).send(presentAttachment(row));
    });
  });
  app.get('/api/documents/:id/attachments/:attachmentId', { config: { action: 'business.read' }, schema: { tags, summary: 'download an attachment', params: attParams } }, async (req, reply) => {
    const row = await svc.attachmentForDownload(db, req.ctx, req.params.id, req.params.attachmentId);
    return sendFile(reply, await storage.get(row.sha256), row.fileName, row.mime);
  });
  app.post('/api/documents/:id/attachments/:attachmentId/remove', { config: { action: 'documents.draft' }, schema: { tags, summary: 'remove an attachment (a recorded state)', params: attParams, body: z.object({}).strict().optional(), response: { 200: z.object({ ok: z.literal(true) }) } } }, async (req) => {
    await svc.removeAttachment(db, req.ctx, req.params.id, req.params.attachmentId);
    return { ok: true as const };
  });
};
