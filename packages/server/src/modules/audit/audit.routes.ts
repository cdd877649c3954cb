import { auditPageOut, auditQuerySchema, auditVerifyOut } from '@township-office/domain/audit.api';
import type { RouteModule } from '../../platform/app-types.ts';
import { browseAudit, verifyAuditTrail } from './audit.service.ts';

/** The audit administrator's view: read-only, filterable, and a check of the chain. */
export const auditRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/audit',
    {
      config: { action: 'audit.read' },
      schema: {
        tags: ['audit'],
        querystring: auditQuerySchema,
        response: { 200: auditPageOut },
      },
    },
    async (req) => {
      const { rows, total, totalExact } = await browseAudit(db, req.ctx, req.query);
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorUsername: r.actorUsername,
          actorRole: r.actorRole,
          orgId: r.orgId,
          ip: r.ip,
          action: r.action,
          entity: r.entity,
          entityId: r.entityId,
          before: r.before,
          after: r.after,
          hash: r.hash,
        })),
        total,
        totalExact,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );
  app.get(
    '/api/audit/verify',
    { config: { action: 'audit.read' }, schema: { tags: ['audit'], response: { 200: auditVerifyOut } } },
    async (req) => verifyAuditTrail(db, req.ctx),
  );
};
