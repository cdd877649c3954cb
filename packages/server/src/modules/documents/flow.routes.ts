/** 退回 to an earlier step, 取回 by the sender, 加签 of a reviewer (issue 13): thin, the rules are in documents.policy. */
import { z } from 'zod';
import { idParamSchema } from '@township-office/domain/common';
import { DOCUMENT_STATUSES, addReviewerSchema, returnSchema } from '@township-office/domain/documents';
import type { RouteModule } from '../../platform/app-types.ts';
import * as flow from './flow.service.ts';

const tags = ['documents'];
const statusOut = z.object({ id: z.uuid(), status: z.enum(DOCUMENT_STATUSES) });

export const flowRoutes: RouteModule = (app, { db }) => {
  app.post(
    '/api/documents/:id/return',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        summary: '退回 to the drafter or to the review, with a reason (by whoever holds it now)',
        params: idParamSchema,
        body: returnSchema,
        response: { 200: statusOut },
      },
    },
    async (req) => {
      const row = await flow.returnDocument(db, req.ctx, req.params.id, req.body);
      return { id: row.id, status: row.status };
    },
  );
  app.post(
    '/api/documents/:id/recall',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        summary: '取回 by the sender before the next person acts (no body)',
        params: idParamSchema,
        body: z.object({}).strict().optional(),
        response: { 200: statusOut },
      },
    },
    async (req) => {
      const row = await flow.recallDocument(db, req.ctx, req.params.id);
      return { id: row.id, status: row.status };
    },
  );
  app.post(
    '/api/documents/:id/add-reviewer',
    {
      config: { action: 'documents.review' },
      schema: {
        tags,
        summary: '加签: one more reviewer of the org, while in review',
        params: idParamSchema,
        body: addReviewerSchema,
        response: { 200: statusOut },
      },
    },
    async (req) => {
      const row = await flow.addReviewer(db, req.ctx, req.params.id, req.body);
      return { id: row.id, status: row.status };
    },
  );
};
