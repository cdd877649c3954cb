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
import * as Api from '@township-office/domain/environment.api';
import type { RouteModule } from '../../platform/app-types.ts';
import type { Actor } from '../../platform/context.ts';
import { allowedActions } from '../../platform/policy.ts';
import { townshipRecordPolicy } from './environment.policy.ts';
import * as svc from './environment.service.ts';

const orgQuery = z.object({ orgId: z.uuid().optional() }).strict();
const yearQuery = orgQuery.extend({ year: z.coerce.number().int().min(2000).max(2100) }).strict();
const iso = (d: Date | null) => d?.toISOString() ?? null;
const tags = ['environment'];
const edits = (actor: Actor, r: { orgId: string }) => allowedActions(townshipRecordPolicy, actor, r);

type RoomRow = Awaited<ReturnType<typeof svc.upsertRoom>>;
type EquipmentRow = Awaited<ReturnType<typeof svc.upsertEquipment>>;
function presentRoom(r: RoomRow, actor: Actor, orgName?: string) {
  return {
    id: r.id,
    orgId: r.orgId,
    orgName,
    kind: r.kind,
    status: r.status,
    areaM2: r.areaM2,
    inUseSince: r.inUseSince,
    note: r.note,
    updatedAt: iso(r.updatedAt),
    allowedActions: edits(actor, r),
  };
}
function presentEquipment(r: EquipmentRow, actor: Actor, orgName?: string) {
  return {
    orgId: r.orgId,
    orgName,
    computers: r.computers,
    printers: r.printers,
    docSystemAccess: r.docSystemAccess,
    note: r.note,
    updatedAt: iso(r.updatedAt),
    allowedActions: edits(actor, r),
  };
}

export const environmentRoutes: RouteModule = (app, { db }) => {
  const read = { action: 'business.read' as const };
  const edit = { action: 'environment.edit' as const };

  app.get(
    '/api/environment/rooms',
    { config: read, schema: { tags, querystring: orgQuery, response: { 200: Api.roomListSchema } } },
    async (req) => ({
      items: (await svc.listRooms(db, req.ctx, req.query.orgId)).map((r) => presentRoom(r.room, req.ctx.actor, r.orgName)),
    }),
  );
  app.put(
    '/api/environment/rooms',
    { config: edit, schema: { tags, body: roomUpsertSchema, response: { 200: Api.roomSchema } } },
    async (req) => presentRoom(await svc.upsertRoom(db, req.ctx, req.body), req.ctx.actor),
  );

  app.get(
    '/api/environment/equipment',
    { config: read, schema: { tags, querystring: orgQuery, response: { 200: Api.equipmentListSchema } } },
    async (req) => ({
      items: (await svc.listEquipment(db, req.ctx, req.query.orgId)).map((r) => presentEquipment(r.equipment, req.ctx.actor, r.orgName)),
    }),
  );
  app.put(
    '/api/environment/equipment',
    { config: edit, schema: { tags, body: equipmentUpsertSchema, response: { 200: Api.equipmentSchema } } },
    async (req) => presentEquipment(await svc.upsertEquipment(db, req.ctx, req.body), req.ctx.actor),
  );

  app.get(
    '/api/environment/expenses',
    { config: read, schema: { tags, querystring: yearQuery, response: { 200: Api.expenseSummarySchema } } },
    async (req) => svc.expenseSummary(db, req.ctx, req.query.year, req.query.orgId),
  );
  app.put(
    '/api/environment/expenses',
    { config: edit, schema: { tags, body: expenseUpsertSchema, response: { 200: Api.expenseSchema } } },
    async (req) => {
      const r = await svc.upsertExpense(db, req.ctx, req.body);
      return { id: r.id, orgId: r.orgId, year: r.year, category: r.category, amountYuan: r.amountYuan, note: r.note };
    },
  );

  app.get(
    '/api/environment/rule-documents',
    { config: read, schema: { tags, querystring: orgQuery, response: { 200: Api.ruleDocumentListSchema } } },
    async (req) => ({
      items: (await svc.listRuleDocuments(db, req.ctx, req.query.orgId)).map((d) => ({
        id: d.id,
        orgId: d.orgId,
        kind: d.kind,
        title: d.title,
        body: d.body,
        issuedOn: d.issuedOn,
        state: d.state,
        createdAt: iso(d.createdAt),
        acknowledgedBy: d.acknowledgedBy,
      })),
    }),
  );
  app.post(
    '/api/environment/rule-documents',
    {
      config: { action: 'environment.issueRules' },
      schema: { tags, body: ruleDocumentCreateSchema, response: { 201: Api.ruleDocumentCreatedSchema } },
    },
    async (req, reply) => {
      const d = await svc.issueRuleDocument(db, req.ctx, req.body);
      return reply.code(201).send({ id: d.id, title: d.title, issuedOn: d.issuedOn });
    },
  );
  app.post(
    '/api/environment/rule-documents/:id/acknowledge',
    {
      config: { action: 'environment.acknowledgeRules' },
      schema: { tags, params: idParamSchema, response: { 200: Api.acknowledgementSchema } },
    },
    async (req) => {
      const a = await svc.acknowledgeRuleDocument(db, req.ctx, req.params.id);
      return { documentId: a.documentId, orgId: a.orgId, acknowledgedAt: iso(a.acknowledgedAt) };
    },
  );

  app.get(
    '/api/environment/rules',
    { config: read, schema: { tags, querystring: orgQuery, response: { 200: Api.ruleListSchema } } },
    async (req) => ({
      items: (await svc.listRules(db, req.ctx, req.query.orgId)).map((r) => ({
        id: r.rule.id,
        orgId: r.rule.orgId,
        orgName: r.orgName,
        kind: r.rule.kind,
        title: r.rule.title,
        body: r.rule.body,
        adoptedOn: r.rule.adoptedOn,
        allowedActions: edits(req.ctx.actor, r.rule),
      })),
    }),
  );
  app.post(
    '/api/environment/rules',
    { config: edit, schema: { tags, body: ruleAdoptSchema, response: { 201: Api.ruleAdoptedSchema } } },
    async (req, reply) => {
      const r = await svc.adoptRule(db, req.ctx, req.body);
      return reply.code(201).send({ id: r.id, orgId: r.orgId, kind: r.kind, title: r.title, adoptedOn: r.adoptedOn });
    },
  );

  app.get(
    '/api/environment/posts',
    { config: read, schema: { tags, querystring: orgQuery, response: { 200: Api.postListSchema } } },
    async (req) => ({
      items: (await svc.listPosts(db, req.ctx, req.query.orgId)).map((r) => ({
        id: r.assignment.id,
        orgId: r.assignment.orgId,
        orgName: r.orgName,
        post: r.assignment.post,
        staffId: r.assignment.staffId,
        staffName: r.staffName,
        since: r.assignment.since,
        allowedActions: edits(req.ctx.actor, r.assignment),
      })),
    }),
  );
  app.post(
    '/api/environment/posts',
    { config: edit, schema: { tags, body: postAssignSchema, response: { 201: Api.postAssignedSchema } } },
    async (req, reply) => {
      const r = await svc.assignPost(db, req.ctx, req.body);
      return reply.code(201).send({ id: r.id, orgId: r.orgId, post: r.post, staffId: r.staffId, since: r.since });
    },
  );
};
