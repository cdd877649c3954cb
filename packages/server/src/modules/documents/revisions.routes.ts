/** 痕迹保留 (issue 13): a document's versions since submission and the differences between two of them. */
import { idParamSchema } from '@township-office/domain/common';
import { revisionDiffOut, revisionDiffQuery, revisionsOut } from '@township-office/domain/documents.api';
import type { RouteModule } from '../../platform/app-types.ts';
import * as service from './revisions.service.ts';

const tags = ['documents'];

export const revisionRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/documents/:id/revisions',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        summary: '修改记录: the versions of the title and body since submission (marks the latest as seen by the caller)',
        params: idParamSchema,
        response: { 200: revisionsOut },
      },
    },
    async (req) => service.listRevisions(db, req.ctx, req.params.id),
  );
  app.get(
    '/api/documents/:id/revisions/diff',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        summary: 'the differences of the title and body between two versions (character-wise)',
        params: idParamSchema,
        querystring: revisionDiffQuery,
        response: { 200: revisionDiffOut },
      },
    },
    async (req) => service.diffRevisions(db, req.ctx, req.params.id, req.query),
  );
};
