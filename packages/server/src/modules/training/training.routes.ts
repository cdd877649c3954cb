import { chinaYear } from '@township-office/domain/dates';
import { z } from 'zod';
import { idParamSchema } from '@township-office/domain/common';
import {
  quarterSchema,
  rotationCompleteSchema,
  rotationConfirmSchema,
  trainingSessionCreateSchema,
} from '@township-office/domain/training';
import * as Api from '@township-office/domain/training.api';
import type { RouteModule } from '../../platform/app-types.ts';
import type { Actor } from '../../platform/context.ts';
import { allowedActions } from '../../platform/policy.ts';
import { rotationPolicy } from './training.policy.ts';
import * as svc from './training.service.ts';
import type { RotationRow } from './training.tables.ts';

const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), orgId: z.uuid().optional() }).strict();

function presentRotation(r: RotationRow, actor: Actor, extra: { staffName?: string; orgName?: string } = {}) {
  return {
    id: r.id,
    orgId: r.orgId,
    orgName: extra.orgName ?? null,
    staffId: r.staffId,
    staffName: extra.staffName ?? null,
    year: r.year,
    quarter: r.quarter,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    state: r.state,
    topics: r.topics,
    evaluation: r.evaluation,
    rating: r.rating,
    allowedActions: allowedActions(rotationPolicy, actor, r),
  };
}

const tags = ['training'];

export const trainingRoutes: RouteModule = (app, { db }) => {
  const read = { action: 'business.read' as const };
  app.get(
    '/api/training/sessions',
    { config: read, schema: { tags, querystring: yearQuery, response: { 200: Api.trainingSessionListSchema } } },
    async (req) => ({
      items: (await svc.listSessions(db, req.ctx, req.query.year ?? chinaYear())).map((r) => ({
        id: r.session.id,
        orgId: r.session.orgId,
        orgName: r.orgName,
        heldOn: r.session.heldOn,
        topic: r.session.topic,
        organiser: r.session.organiser,
        materials: r.session.materials,
        state: r.session.state,
        createdAt: r.session.createdAt.toISOString(),
        staffAttendees: r.staffAttendees,
        leaderAttendees: r.leaderAttendees,
      })),
    }),
  );
  app.post(
    '/api/training/sessions',
    {
      config: { action: 'training.record' },
      schema: { tags, body: trainingSessionCreateSchema, response: { 201: Api.trainingSessionCreatedSchema } },
    },
    async (req, reply) => {
      const s = await svc.createSession(db, req.ctx, req.body);
      return reply.code(201).send({ id: s.id, heldOn: s.heldOn, topic: s.topic });
    },
  );
  app.get(
    '/api/training/coverage',
    { config: read, schema: { tags, querystring: yearQuery, response: { 200: Api.coverageSchema } } },
    async (req) => svc.coverage(db, req.ctx, req.query.year ?? chinaYear(), req.query.orgId),
  );

  app.get(
    '/api/training/rotations',
    { config: read, schema: { tags, querystring: yearQuery, response: { 200: Api.rotationListSchema } } },
    async (req) => ({
      items: (await svc.listRotations(db, req.ctx, req.query)).map((r) => presentRotation(r.rotation, req.ctx.actor, r)),
    }),
  );
  app.get(
    '/api/training/rotations/proposal',
    { config: { action: 'training.manage' }, schema: { tags, querystring: quarterSchema, response: { 200: Api.proposalSchema } } },
    async (req) => svc.proposeQuarter(db, req.ctx, req.query.year, req.query.quarter),
  );
  app.post(
    '/api/training/rotations',
    { config: { action: 'training.manage' }, schema: { tags, body: rotationConfirmSchema, response: { 201: Api.rotationListSchema } } },
    async (req, reply) =>
      reply.code(201).send({ items: (await svc.confirmRotations(db, req.ctx, req.body)).map((r) => presentRotation(r, req.ctx.actor)) }),
  );
  app.post(
    '/api/training/rotations/:id/complete',
    {
      config: { action: 'training.manage' },
      schema: { tags, params: idParamSchema, body: rotationCompleteSchema, response: { 200: Api.rotationSchema } },
    },
    async (req) => presentRotation(await svc.completeRotation(db, req.ctx, req.params.id, req.body), req.ctx.actor),
  );
};
