/**
 * The security administrator's seal picture and signing keys per org (issue 13). Thin: the checks
 * are in signing.service. The seal is uploaded as the PNG itself (image/png) or as multipart "file".
 */
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema } from '@township-office/domain/common';
import { fileResponse } from '@township-office/domain/print';
import { SEAL_MAX_BYTES, orgSigningOut, rotateOut, sealSetOut } from '@township-office/domain/signing';
import { SigningErrors } from '@township-office/domain/signing.errors';
import type { RouteModule } from '../../platform/app-types.ts';
import { AppError } from '../../platform/errors.ts';
import { sendFile } from '../../platform/print/send.ts';
import { theOneFile } from '../documents/attachments.routes.ts';
import * as service from './signing.service.ts';

// A platform part (the 三员's), not a business register: tagged with the orgs it belongs to.
const tags = ['orgs'];
const RAW_TYPES = ['image/png', 'application/octet-stream'];
/** Twice the seal limit reaches the service, which answers with the picture's own size. */
const BODY_LIMIT = SEAL_MAX_BYTES * 2;

export const signingRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/orgs/:id/signing',
    {
      config: { action: 'orgs.signing' },
      schema: {
        tags,
        summary: "the org's seal picture (its details) and document signing keys (current and retired)",
        params: idParamSchema,
        response: { 200: orgSigningOut },
      },
    },
    async (req) => service.orgSigning(db, req.ctx, req.params.id),
  );
  app.get(
    '/api/orgs/:id/seal',
    {
      config: { action: 'orgs.signing' },
      schema: { tags, summary: "the org's seal picture (PNG)", params: idParamSchema, response: { 200: fileResponse('image/png') } },
    },
    async (req, reply) => sendFile(reply, await service.sealPicture(db, req.ctx, req.params.id), 'seal.png', 'image/png', 'inline'),
  );
  app.delete(
    '/api/orgs/:id/seal',
    {
      config: { action: 'orgs.signing' },
      schema: {
        tags,
        summary: "removes the org's seal picture: its documents print unsealed (GB/T 9704-2012 7.3.5.2)",
        params: idParamSchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await service.deleteSeal(db, req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/orgs/:id/signing-keys/rotate',
    {
      config: { action: 'orgs.signing' },
      schema: {
        tags,
        summary: "a new SM2 key signs the org's documents from now on; the old public key stays trusted (no body)",
        params: idParamSchema,
        body: z.object({}).strict().optional(),
        response: { 200: rotateOut },
      },
    },
    async (req) => service.rotateSigningKey(db, req.ctx, req.params.id),
  );
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    await scope.register(multipart, { limits: { fileSize: BODY_LIMIT, files: 2, fields: 5 } });
    scope.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));
    scope.put(
      '/api/orgs/:id/seal',
      {
        config: { action: 'orgs.signing' },
        schema: {
          tags,
          summary: 'sets the org\'s seal picture (body: the PNG as image/png, or multipart field "file"; ≤ 512 KB, square-ish)',
          params: idParamSchema,
          consumes: ['image/png', 'application/octet-stream', 'multipart/form-data'],
          response: { 200: sealSetOut },
        },
      },
      async (req) => {
        const bytes = req.isMultipart() ? (await theOneFile(req, BODY_LIMIT)).bytes : req.body;
        if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw new AppError(SigningErrors.SEAL_MISSING);
        return service.setSeal(db, req.ctx, req.params.id, bytes);
      },
    );
  });
};
