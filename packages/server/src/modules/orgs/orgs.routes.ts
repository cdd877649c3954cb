import { z } from 'zod';
import { safeString } from '@township-office/domain/common';
import { orgCreateSchema, orgSchema } from '@township-office/domain/orgs';
import type { RouteModule } from '../../platform/app-types.ts';
import { presentOrg } from './orgs.presenter.ts';
import { createOrg, listOrgs } from './orgs.service.ts';

const orgOut = orgSchema.extend({ shortName: safeString().nullable(), code: safeString() });

export const orgsRoutes: RouteModule = (app, { db }) => {
  app.get('/api/orgs', { schema: { tags: ['orgs'], response: { 200: z.object({ items: z.array(orgOut) }) } } }, async () => ({
    items: (await listOrgs(db)).map(presentOrg),
  }));
  app.post(
    '/api/orgs',
    { config: { action: 'orgs.manage' }, schema: { tags: ['orgs'], body: orgCreateSchema, response: { 201: orgOut } } },
    async (req, reply) => reply.code(201).send(presentOrg(await createOrg(db, req.ctx, req.body))),
  );
};
