/** 会签 (countersign) of a joint document by a co-issuing org's leader, the office's 复核 before numbering, the GB/T 33480 metadata. */
import { z } from 'zod';
import { idParamSchema, safeString } from '@township-office/domain/common';
import { DOCUMENT_STATUSES, countersignSchema } from '@township-office/domain/documents';
import { documentMetadataOut } from '@township-office/domain/documents.api';
import type { RouteModule } from '../../platform/app-types.ts';
import { sendFile } from '../../platform/print/send.ts';
import { documentMetadata, metadataXml } from './documents.metadata.ts';
import * as service from './documents.service.ts';

const tags = ['documents'];

export const countersignRoutes: RouteModule = (app, { db }) => {
  app.post(
    '/api/documents/:id/countersign',
    {
      config: { action: 'documents.countersign', delegable: true },
      schema: {
        tags,
        summary: '会签: a co-issuing org approves or returns the joint draft',
        params: idParamSchema,
        body: countersignSchema,
        response: { 200: z.object({ id: z.uuid(), status: z.enum(DOCUMENT_STATUSES), countersignedOrgIds: z.array(z.uuid()) }) },
      },
    },
    async (req) => {
      const row = await service.countersignDocument(db, req.ctx, req.params.id, req.body);
      return { id: row.id, status: row.status, countersignedOrgIds: row.countersignedOrgIds };
    },
  );
  app.post(
    '/api/documents/:id/recheck',
    {
      config: { action: 'documents.number' },
      schema: {
        tags,
        summary: '复核 before numbering (no body)',
        params: idParamSchema,
        response: { 200: z.object({ id: z.uuid(), status: z.enum(DOCUMENT_STATUSES), recheckedAt: safeString() }) },
      },
    },
    async (req) => {
      const row = await service.recheckDocument(db, req.ctx, req.params.id);
      return { id: row.id, status: row.status, recheckedAt: row.recheckedAt!.toISOString() };
    },
  );
  app.get(
    '/api/documents/:id/metadata',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        summary: 'GB/T 33480 core metadata of the electronic document (?format=xml for XML)',
        params: idParamSchema,
        querystring: z.object({ format: z.enum(['json', 'xml']).default('json') }).strict(),
        response: { 200: documentMetadataOut },
      },
    },
    async (req, reply) => {
      const m = await documentMetadata(db, req.ctx.actor, req.params.id);
      if (req.query.format === 'xml')
        return sendFile(reply, Buffer.from(metadataXml(m)), `${m.docNumber ?? m.title}.xml`, 'application/xml', 'inline');
      return m;
    },
  );
};
