/** GET /api/registers/outgoing and /incoming: JSON pages, or the whole selection as xlsx/pdf. */
import { incomingRegisterQuery, outgoingRegisterQuery } from '@township-office/domain/documents';
import { incomingRegisterOut, outgoingRegisterOut } from '@township-office/domain/documents.api';
import type { RouteModule } from '../../platform/app-types.ts';
import { listOrExport } from '../../platform/list-or-export.ts';
import * as svc from './registers.service.ts';

const tags = ['documents'];

export const registerRoutes: RouteModule = (app, { db: primary, readDb }) => {
  app.get(
    '/api/registers/outgoing',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        summary: '发文登记本 (?format=xlsx|pdf)',
        querystring: outgoingRegisterQuery,
        response: { 200: outgoingRegisterOut },
      },
    },
    async (req, reply) => {
      const { format: _format, page: _page, pageSize: _pageSize, sort, ...filter } = req.query;
      const f = svc.scopedRegisterFilter(req.ctx, filter);
      // Every row the filter selects, for a file: from the replica when there is one.
      const db = req.query.format === 'json' ? primary : readDb;
      return listOrExport(reply, req.query, {
        fetch: (limit, offset) => svc.outgoingRegisterItems(db, { ...f, sort }, limit, offset),
        file: (items) => svc.outgoingRegisterFile(db, f, items),
      });
    },
  );

  app.get(
    '/api/registers/incoming',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        summary: '收文登记本 (?format=xlsx|pdf)',
        querystring: incomingRegisterQuery,
        response: { 200: incomingRegisterOut },
      },
    },
    async (req, reply) => {
      const { format: _format, page: _page, pageSize: _pageSize, sort, ...filter } = req.query;
      const f = svc.scopedRegisterFilter(req.ctx, filter);
      const db = req.query.format === 'json' ? primary : readDb;
      return listOrExport(reply, req.query, {
        fetch: (limit, offset) => svc.incomingRegisterItems(db, { ...f, sort }, limit, offset),
        file: (items) => svc.incomingRegisterFile(db, f, items),
      });
    },
  );
};
