/** Signed documents: the signature of a document and the check of an uploaded copy against it. */
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema } from '@township-office/domain/common';
import { signatureCheckOut, signatureStateOut } from '@township-office/domain/documents.api';
import { DocumentErrors } from '@township-office/domain/documents.errors';
import type { RouteModule } from '../../platform/app-types.ts';
import { AppError } from '../../platform/errors.ts';
import { theOneFile } from './attachments.routes.ts';
import * as service from './signatures.service.ts';

const tags = ['documents'];
const RAW_TYPES = ['application/pdf', 'application/octet-stream'];

export const signatureRoutes: RouteModule = (app, { db, config }) => {
  app.get(
    '/api/documents/:id/verify',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        summary: "the document's signature (SM2 over the dispatched PDF), checked again now",
        params: idParamSchema,
        response: { 200: signatureStateOut },
      },
    },
    async (req) => service.signatureState(db, req.ctx, req.params.id),
  );
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    await scope.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 2, fields: 5 } });
    scope.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: config.maxUploadBytes }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/documents/:id/verify',
      {
        config: { action: 'business.read' },
        schema: {
          tags,
          summary: 'check a copy of the PDF against the signature (body: the PDF as application/pdf, or multipart field "file")',
          params: idParamSchema,
          consumes: ['application/pdf', 'application/octet-stream', 'multipart/form-data'],
          response: { 200: signatureCheckOut },
        },
      },
      async (req) => {
        const bytes = req.isMultipart() ? (await theOneFile(req, config.maxUploadBytes)).bytes : req.body;
        if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw new AppError(DocumentErrors.FILE_MISSING);
        return service.verifyCopy(db, req.ctx, req.params.id, bytes);
      },
    );
  });
};
