/** 收文 routes: the incoming register entry and its processing slip. */
import { z } from 'zod';
import { idParamSchema } from '@township-office/domain/common';
import {
  assignSchema,
  circulateSchema,
  closeSchema,
  incomingListQuery,
  incomingPaperSchema,
  instructSchema,
  noteSchema,
  proposeSchema,
  replySchema,
  screenSchema,
} from '@township-office/domain/documents';
import { incomingListItem, incomingOut } from '@township-office/domain/documents.api';
import type { Db } from '../../db/client.ts';
import type { RouteModule } from '../../platform/app-types.ts';
import type { RequestContext } from '../../platform/context.ts';
import { presentIncomingListItem } from './documents.presenter.ts';
import * as svc from './incoming.service.ts';

const tags = ['documents'];

const present = (db: Db, ctx: RequestContext, id: string) => svc.incomingView(db, ctx, id);

export const incomingRoutes: RouteModule = (app, { db }) => {
  const params = idParamSchema;
  const out = { 200: incomingOut };

  app.get(
    '/api/incoming',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        summary: '收文 list',
        querystring: incomingListQuery,
        response: {
          200: z.object({
            items: z.array(incomingListItem),
            total: z.number().int(),
            totalExact: z.boolean(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async (req) => {
      const r = await svc.listIncoming(db, req.ctx, req.query);
      return {
        items: r.rows.map(presentIncomingListItem),
        total: r.total,
        totalExact: r.totalExact,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );
  app.get(
    '/api/incoming/:id',
    { config: { action: 'business.read' }, schema: { tags, summary: 'processing slip with allowedActions', params, response: out } },
    async (req) => present(db, req.ctx, req.params.id),
  );
  app.post(
    '/api/incoming',
    {
      config: { action: 'documents.receive' },
      schema: { tags, summary: 'register a paper document by hand', body: incomingPaperSchema, response: { 201: incomingOut } },
    },
    async (req, reply) => {
      const row = await svc.registerPaper(db, req.ctx, req.body);
      return reply.code(201).send(svc.presentRegistered(req.ctx, row));
    },
  );

  const op = <S extends z.ZodTypeAny>(
    path: string,
    action: 'documents.receive' | 'documents.instruct' | 'business.read',
    summary: string,
    body: S,
    run: (ctx: RequestContext, id: string, b: z.infer<S>) => Promise<unknown>,
  ) =>
    // 批示 is open to a delegate acting for a leader (委托); the service checks the entry as that leader.
    app.post(
      `/api/incoming/:id/${path}`,
      { config: { action, delegable: action === 'documents.instruct' }, schema: { tags, summary, params, body, response: out } },
      async (req) => {
        await run(req.ctx, req.params.id, req.body as z.infer<S>);
        return present(db, req.ctx, req.params.id);
      },
    );
  op('screen', 'documents.receive', '初审', screenSchema, (ctx, id, b) => svc.screen(db, ctx, id, b));
  op('circulate', 'documents.receive', '传阅', circulateSchema, (ctx, id, b) => svc.circulate(db, ctx, id, b.userIds));
  op('read', 'business.read', '阅知 (read receipt)', noteSchema, (ctx, id, b) => svc.markRead(db, ctx, id, b.note));
  op('propose', 'documents.receive', '拟办', proposeSchema, (ctx, id, b) => svc.propose(db, ctx, id, b.proposal));
  op('instruct', 'documents.instruct', '批示', instructSchema, (ctx, id, b) => svc.instruct(db, ctx, id, b));
  op('assign', 'documents.receive', '承办 handlers and deadline', assignSchema, (ctx, id, b) => svc.assign(db, ctx, id, b));
  op('remind', 'documents.receive', '催办', noteSchema, (ctx, id, b) => svc.remind(db, ctx, id, b.note));
  op('close', 'business.read', '办结', closeSchema, (ctx, id, b) => svc.closeIncoming(db, ctx, id, b.result));
  app.post(
    '/api/incoming/:id/reply',
    {
      config: { action: 'documents.receive' },
      schema: {
        tags,
        summary: '答复: creates the reply (复文) as an outgoing draft to the sender, linked to the entry',
        params,
        body: replySchema,
        response: { 201: z.object({ documentId: z.uuid() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await svc.replyIncoming(db, req.ctx, req.params.id, req.body ?? {})),
  );
};
