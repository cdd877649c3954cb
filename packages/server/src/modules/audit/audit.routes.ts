import { z } from 'zod';
import { pageQuerySchema, safeString } from '@township-office/domain/common';
import type { RouteModule } from '../../platform/app-types.ts';
import { browseAudit, verifyAuditTrail } from './audit.service.ts';

const auditQuery = pageQuerySchema
  .extend({
    actor: safeString().trim().max(64).optional(),
    action: safeString().trim().max(64).optional(),
    entity: safeString().trim().max(64).optional(),
    entityId: safeString().trim().max(64).optional(),
    orgId: z.uuid().optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
  })
  .strict();

const auditItem = z.object({
  id: z.number(),
  at: safeString(),
  actorUsername: safeString().nullable(),
  actorRole: safeString().nullable(),
  orgId: safeString().nullable(),
  ip: safeString().nullable(),
  action: safeString(),
  entity: safeString(),
  entityId: safeString().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: safeString(),
});

/** The audit administrator's view: read-only, filterable, and a check of the chain. */
export const auditRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/audit',
    {
      config: { action: 'audit.read' },
      schema: {
        tags: ['audit'],
        querystring: auditQuery,
        response: { 200: z.object({ items: z.array(auditItem), total: z.number(), page: z.number(), pageSize: z.number() }) },
      },
    },
    async (req) => {
      const { rows, total } = await browseAudit(db, req.ctx, req.query);
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
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );
  app.get('/api/audit/verify', { config: { action: 'audit.read' }, schema: { tags: ['audit'] } }, async (req) =>
    verifyAuditTrail(db, req.ctx),
  );
};
