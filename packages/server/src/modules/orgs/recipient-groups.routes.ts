import { z } from 'zod';
import { idParamSchema } from '@township-office/domain/common';
import { recipientGroupInputSchema, recipientGroupSchema } from '@township-office/domain/orgs';
import type { RouteModule } from '../../platform/app-types.ts';
import * as service from './recipient-groups.service.ts';

const tags = ['orgs'];

/** 主送/抄送 groups of the caller's county (issue 13): listed for every drafter, kept by the county office. */
export const recipientGroupsRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/orgs/recipient-groups',
    { schema: { tags, summary: "the county's recipient groups", response: { 200: z.object({ items: z.array(recipientGroupSchema) }) } } },
    async (req) => ({ items: await service.listRecipientGroups(db, req.ctx) }),
  );
  app.post(
    '/api/orgs/recipient-groups',
    {
      config: { action: 'orgs.recipientGroups' },
      schema: { tags, summary: 'creates a recipient group', body: recipientGroupInputSchema, response: { 201: recipientGroupSchema } },
    },
    async (req, reply) => reply.code(201).send(await service.createRecipientGroup(db, req.ctx, req.body)),
  );
  app.put(
    '/api/orgs/recipient-groups/:id',
    {
      config: { action: 'orgs.recipientGroups' },
      schema: {
        tags,
        summary: 'renames a recipient group or changes its members (documents already addressed keep theirs)',
        params: idParamSchema,
        body: recipientGroupInputSchema,
        response: { 200: recipientGroupSchema },
      },
    },
    async (req) => service.updateRecipientGroup(db, req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/orgs/recipient-groups/:id',
    {
      config: { action: 'orgs.recipientGroups' },
      schema: {
        tags,
        summary: 'deletes a recipient group (a recorded state)',
        params: idParamSchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await service.deleteRecipientGroup(db, req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
};
