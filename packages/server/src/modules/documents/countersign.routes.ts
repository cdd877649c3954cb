/** 会签 (countersign) of a joint document by a co-issuing org's leader, and the office's 复核 before numbering. */
import { z } from 'zod';
import { idParamSchema } from '@township-office/domain/common';
import { DOCUMENT_STATUSES, countersignSchema } from '@township-office/domain/documents';
import type { RouteModule } from '../../platform/app-types.ts';
import * as service from './documents.service.ts';

const tags = ['documents'];

export const countersignRoutes: RouteModule = (app, { db }) => {
  app.post(
    '/api/documents/:id/countersign',
    {
      config: { action: 'documents.countersign' },
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
        response: { 200: z.object({ id: z.uuid(), status: z.enum(DOCUMENT_STATUSES), recheckedAt: z.string() }) },
      },
    },
    async (req) => {
      const row = await service.recheckDocument(db, req.ctx, req.params.id);
      return { id: row.id, status: row.status, recheckedAt: row.recheckedAt!.toISOString() };
    },
  );
};
