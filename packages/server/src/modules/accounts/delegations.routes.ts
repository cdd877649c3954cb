/** 委托 routes: my delegations (and the org's), name a delegate, revoke. */
import { idParamSchema } from '@township-office/domain/common';
import { delegationListSchema, delegationSchema } from '@township-office/domain/delegations.api';
import { delegationCreateSchema, delegationListQuery } from '@township-office/domain/delegations';
import type { RouteModule } from '../../platform/app-types.ts';
import { mayDelegate } from './delegations.policy.ts';
import { presentDelegation } from './delegations.presenter.ts';
import * as svc from './delegations.service.ts';

const tags = ['delegations'];

export const delegationsRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/delegations',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        summary: 'my delegations as principal and as delegate; view=org: every delegation of my org',
        querystring: delegationListQuery,
        response: { 200: delegationListSchema },
      },
    },
    async (req) => {
      const lists = await svc.listDelegations(db, req.ctx, req.query.view);
      const present = (d: Parameters<typeof presentDelegation>[1]) => presentDelegation(req.ctx.actor, d);
      return {
        given: lists.given.map(present),
        received: lists.received.map(present),
        org: lists.org.map(present),
        canDelegate: mayDelegate(req.ctx.actor),
      };
    },
  );
  app.post(
    '/api/delegations',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        summary: 'name a delegate of my org for a period (a leader who signs off or instructs)',
        body: delegationCreateSchema,
        response: { 201: delegationSchema },
      },
    },
    async (req, reply) => reply.code(201).send(presentDelegation(req.ctx.actor, await svc.createDelegation(db, req.ctx, req.body))),
  );
  app.post(
    '/api/delegations/:id/revoke',
    {
      config: { action: 'business.read' },
      schema: { tags, summary: 'revoke a delegation now (no body)', params: idParamSchema, response: { 200: delegationSchema } },
    },
    async (req) => presentDelegation(req.ctx.actor, await svc.revokeDelegation(db, req.ctx, req.params.id)),
  );
};
