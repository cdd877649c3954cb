import { z } from 'zod';
import { pageQuerySchema } from '@township-office/domain/common';
import type { RouteModule } from '../../platform/app-types.ts';
import { browseAudit, verifyAuditTrail } from './audit.service.ts';

const auditQuery = pageQuerySchema
  .extend({
    actor: z.string().trim().max(64).optional(),
    action: z.string().trim().max(64).optional(),
    entity: z.string().trim().max(64).optional(),
    entityId: z.string().trim().max(64).optional(),
    orgId: z.string().uuid().optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
  })
  .strict();

const auditItem = z.object({
  id: z.number(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  orgId: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});

/** The audit administrator's view: read-only, filterable, and a check of the chain. */
export const auditRoutes: RouteModule = (app, { db }) => {
  app.get('/api/audit', { config: { action: 'audit.read' }, schema: { tags: ['audit'], querystring: auditQuery, response: { 200: z.object({ items: z.array(auditItem), total: z.number(), page: z.number(), pageSize: z.number() }) } } }, async (req) => {
    const { rows, total } = await browseAudit(db, req.ctx, req.query);
    return {
      items: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), actorUsername: r.actorUsername, actorRole: r.actorRole, orgId: r.orgId, ip: r.ip, action: r.action, entity: r.entity, entityId: r.entityId, before: r.before, after: r.after, hash: r.hash })),
      total,
      page: req.query.page,
      pageSize: req.query.pageSize,
    };
  });
  app.get('/api/audit/verify', { config: { action: 'audit.read' }, schema: { tags: ['audit'] } }, async (req) => verifyAuditTrail(db, req.ctx));
};
