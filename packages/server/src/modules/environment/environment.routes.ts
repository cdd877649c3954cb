import { z } from 'zod';
import { idParamSchema } from '@township-office/domain/common';
import {
  equipmentUpsertSchema,
  expenseUpsertSchema,
  postAssignSchema,
  roomUpsertSchema,
  ruleAdoptSchema,
  ruleDocumentCreateSchema,
} from '@township-office/domain/environment';
import type { RouteModule } from '../../platform/app-types.ts';
import * as svc from './environment.service.ts';

const orgQuery = z.object({ orgId: z.uuid().optional() }).strict();
const yearQuery = orgQuery.extend({ year: z.coerce.number().int().min(2000).max(2100) }).strict();
const iso = (d: Date | null) => d?.toISOString() ?? null;

export const environmentRoutes: RouteModule = (app, { db }) => {
  const read = { action: 'business.read' as const };
  const edit = { action: 'environment.edit' as const };

  app.get('/api/environment/rooms', { config: read, schema: { tags: ['environment'], querystring: orgQuery } }, async (req) => ({
    items: (await svc.listRooms(db, req.ctx, req.query.orgId)).map((r) => ({
      ...r.room,
      orgName: r.orgName,
      updatedAt: iso(r.room.updatedAt),
    })),
  }));
  app.put('/api/environment/rooms', { config: edit, schema: { tags: ['environment'], body: roomUpsertSchema } }, async (req) => {
    const r = await svc.upsertRoom(db, req.ctx, req.body);
    return { ...r, updatedAt: iso(r.updatedAt) };
  });

  app.get('/api/environment/equipment', { config: read, schema: { tags: ['environment'], querystring: orgQuery } }, async (req) => ({
    items: (await svc.listEquipment(db, req.ctx, req.query.orgId)).map((r) => ({
      ...r.equipment,
      orgName: r.orgName,
      updatedAt: iso(r.equipment.updatedAt),
    })),
  }));
  app.put('/api/environment/equipment', { config: edit, schema: { tags: ['environment'], body: equipmentUpsertSchema } }, async (req) => {
    const r = await svc.upsertEquipment(db, req.ctx, req.body);
    return { ...r, updatedAt: iso(r.updatedAt) };
  });

  app.get('/api/environment/expenses', { config: read, schema: { tags: ['environment'], querystring: yearQuery } }, async (req) =>
    svc.expenseSummary(db, req.ctx, req.query.year, req.query.orgId),
  );
  app.put('/api/environment/expenses', { config: edit, schema: { tags: ['environment'], body: expenseUpsertSchema } }, async (req) => {
    const r = await svc.upsertExpense(db, req.ctx, req.body);
    return { id: r.id, orgId: r.orgId, year: r.year, category: r.category, amountYuan: r.amountYuan, note: r.note };
  });

  app.get('/api/environment/rule-documents', { config: read, schema: { tags: ['environment'], querystring: orgQuery } }, async (req) => ({
    items: (await svc.listRuleDocuments(db, req.ctx, req.query.orgId)).map((d) => ({ ...d, createdAt: iso(d.createdAt) })),
  }));
  app.post(
    '/api/environment/rule-documents',
    { config: { action: 'environment.issueRules' }, schema: { tags: ['environment'], body: ruleDocumentCreateSchema } },
    async (req, reply) => {
      const d = await svc.issueRuleDocument(db, req.ctx, req.body);
      return reply.code(201).send({ id: d.id, title: d.title, issuedOn: d.issuedOn });
    },
  );
  app.post(
    '/api/environment/rule-documents/:id/acknowledge',
    { config: { action: 'environment.acknowledgeRules' }, schema: { tags: ['environment'], params: idParamSchema } },
    async (req) => {
      const a = await svc.acknowledgeRuleDocument(db, req.ctx, req.params.id);
      return { documentId: a.documentId, orgId: a.orgId, acknowledgedAt: iso(a.acknowledgedAt) };
    },
  );

  app.get('/api/environment/rules', { config: read, schema: { tags: ['environment'], querystring: orgQuery } }, async (req) => ({
    items: (await svc.listRules(db, req.ctx, req.query.orgId)).map((r) => ({
      id: r.rule.id,
      orgId: r.rule.orgId,
      orgName: r.orgName,
      kind: r.rule.kind,
      title: r.rule.title,
      body: r.rule.body,
      adoptedOn: r.rule.adoptedOn,
    })),
  }));
  app.post('/api/environment/rules', { config: edit, schema: { tags: ['environment'], body: ruleAdoptSchema } }, async (req, reply) => {
    const r = await svc.adoptRule(db, req.ctx, req.body);
    return reply.code(201).send({ id: r.id, orgId: r.orgId, kind: r.kind, title: r.title, adoptedOn: r.adoptedOn });
  });

  app.get('/api/environment/posts', { config: read, schema: { tags: ['environment'], querystring: orgQuery } }, async (req) => ({
    items: (await svc.listPosts(db, req.ctx, req.query.orgId)).map((r) => ({
      id: r.assignment.id,
      orgId: r.assignment.orgId,
      orgName: r.orgName,
      post: r.assignment.post,
      staffId: r.assignment.staffId,
      staffName: r.staffName,
      since: r.assignment.since,
    })),
  }));
  app.post('/api/environment/posts', { config: edit, schema: { tags: ['environment'], body: postAssignSchema } }, async (req, reply) => {
    const r = await svc.assignPost(db, req.ctx, req.body);
    return reply.code(201).send({ id: r.id, orgId: r.orgId, post: r.post, staffId: r.staffId, since: r.since });
  });
};
