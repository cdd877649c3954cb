import { z } from 'zod';
import {
  annotationCreateSchema,
  archiveBatchSchema,
  archiveConfigSchema,
  archiveItemCreateSchema,
  archiveListQuerySchema,
  catalogueQuerySchema,
  loanCreateSchema,
  transferCreateSchema,
} from '@township-office/domain/archives';
import { fileResponse } from '@township-office/domain/print';
import type { RouteModule } from '../../platform/app-types.ts';
import { MIME, sendFile } from '../../platform/print/send.ts';
import { sendRegister } from '../../platform/print/register.ts';
import { chinaToday, chinaYear } from '@township-office/domain/dates';
import { renderArchivedItem } from './archives.pdf.ts';
import {
  archiveAnnotationOut,
  archiveCandidatesOut,
  archiveConfigOut,
  archiveItemDetailOut,
  archiveItemOut,
  archiveItemPageOut,
  archiveItemsOut,
  archiveLoanOut,
  archiveLoansOut,
  archiveTransferOut,
  archiveTransfersOut,
  catalogueOut,
} from '@township-office/domain/archives.api';
import { errorBodySchema, idParamSchema } from '@township-office/domain/common';
import { presentAnnotation, presentConfig, presentItem, presentItemDetail, presentLoan, presentTransfer } from './archives.presenter.ts';
import * as archives from './archives.service.ts';
import * as registers from './archives.register.service.ts';

const yearQuery = z.object({ year: z.coerce.number().int().min(1949).max(2100) }).strict();
const loansQuery = z.object({ open: z.enum(['true', 'false']).optional() }).strict();
const expiringQuery = z.object({ asOfYear: z.coerce.number().int().min(1949).max(2200).optional() }).strict();

export const archivesRoutes: RouteModule = (app, { db, readDb }) => {
  const tags = ['archives'];
  app.get(
    '/api/archives/config',
    { config: { action: 'business.read' }, schema: { tags, response: { 200: archiveConfigOut } } },
    async (req) => presentConfig(await archives.getConfig(db, req.ctx)),
  );
  app.put(
    '/api/archives/config',
    { config: { action: 'archives.configure' }, schema: { tags, body: archiveConfigSchema, response: { 200: archiveConfigOut } } },
    async (req) => presentConfig(await archives.saveConfig(db, req.ctx, req.body)),
  );

  app.get(
    '/api/archives/candidates',
    { config: { action: 'archives.manage' }, schema: { tags, querystring: yearQuery, response: { 200: archiveCandidatesOut } } },
    async (req) => ({
      items: (await archives.candidates(db, req.ctx, req.query.year)).map((c) => ({
        kind: c.kind,
        id: c.id,
        docNumber: c.docNumber,
        title: c.title,
        date: c.date,
      })),
    }),
  );
  app.post(
    '/api/archives/items',
    { config: { action: 'archives.manage' }, schema: { tags, body: archiveItemCreateSchema, response: { 201: archiveItemOut } } },
    async (req, reply) => reply.code(201).send(presentItem(await archives.archiveItem(db, req.ctx, req.body))),
  );
  app.post(
    '/api/archives/batch',
    {
      config: { action: 'archives.manage' },
      schema: { tags, body: archiveBatchSchema, response: { 201: archiveItemsOut } },
    },
    async (req, reply) => reply.code(201).send({ items: (await archives.archiveBatch(db, req.ctx, req.body)).map(presentItem) }),
  );
  app.get(
    '/api/archives/items',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        querystring: archiveListQuerySchema,
        response: { 200: archiveItemPageOut },
      },
    },
    async (req) => {
      const { rows, total } = await archives.listItems(db, req.ctx, req.query);
      return { items: rows.map(presentItem), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );
  app.get(
    '/api/archives/items/:id',
    { config: { action: 'business.read' }, schema: { tags, params: idParamSchema, response: { 200: archiveItemDetailOut } } },
    async (req) => presentItemDetail(req.ctx.actor, await archives.getItem(db, req.ctx, req.params.id)),
  );
  // Filed items do not change: both verbs exist only to say so (409 ARCHIVE_IMMUTABLE; the clerk annotates instead).
  for (const method of ['PUT', 'PATCH'] as const) {
    app.route({
      method,
      url: '/api/archives/items/:id',
      config: { action: 'archives.manage' },
      schema: { tags, summary: 'always refused: a filed item does not change', params: idParamSchema, response: { 409: errorBodySchema } },
      handler: async (req) => archives.refuseEdit(db, req.ctx, req.params.id),
    });
  }
  app.post(
    '/api/archives/items/:id/annotations',
    {
      config: { action: 'archives.manage' },
      schema: { tags, params: idParamSchema, body: annotationCreateSchema, response: { 201: archiveAnnotationOut } },
    },
    async (req, reply) => reply.code(201).send(presentAnnotation(await archives.annotate(db, req.ctx, req.params.id, req.body))),
  );
  app.get(
    '/api/archives/items/:id/pdf',
    { config: { action: 'business.read' }, schema: { tags, params: idParamSchema, response: { 200: fileResponse(MIME.pdf) } } },
    async (req, reply) => {
      const item = await archives.getItem(db, req.ctx, req.params.id);
      const { classes } = await archives.getConfig(db, req.ctx, item.orgId);
      const className = classes.find((c) => c.kind === item.classKind && c.code === item.classCode)?.name ?? item.classCode;
      return sendFile(reply, await renderArchivedItem(item, className), `${item.archivalCode}.pdf`, MIME.pdf, 'inline');
    },
  );

  app.get(
    '/api/archives/catalogue',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        summary: '归档文件目录 (?format=xlsx|pdf for the file)',
        querystring: catalogueQuerySchema,
        response: { 200: catalogueOut },
      },
    },
    async (req, reply) => {
      // The file reads from the replica when there is one; the page on screen from the primary.
      const { rows, spec, fileBase } = await registers.catalogue(req.query.format === 'json' ? db : readDb, req.ctx, req.query);
      if (req.query.format === 'json')
        return { items: rows, title: spec.title, filterSummary: spec.filterSummary ?? '', footer: spec.footer ?? '' };
      return sendRegister(reply, spec, req.query.format, fileBase);
    },
  );

  app.get(
    '/api/archives/loans',
    {
      config: { action: 'business.read' },
      schema: { tags, querystring: loansQuery, response: { 200: archiveLoansOut } },
    },
    async (req) => {
      const today = chinaToday();
      return {
        items: (await registers.loans(db, req.ctx, req.query.open === 'true')).map((r) => presentLoan(req.ctx.actor, r.loan, r, today)),
      };
    },
  );
  app.post(
    '/api/archives/loans',
    { config: { action: 'archives.manage' }, schema: { tags, body: loanCreateSchema, response: { 201: archiveLoanOut } } },
    async (req, reply) => {
      const today = chinaToday();
      const loan = await registers.lend(db, req.ctx, req.body, today);
      const item = await archives.getItem(db, req.ctx, loan.itemId);
      return reply.code(201).send(presentLoan(req.ctx.actor, loan, item, today));
    },
  );
  app.post(
    '/api/archives/loans/:id/return',
    { config: { action: 'archives.manage' }, schema: { tags, params: idParamSchema, response: { 200: archiveLoanOut } } },
    async (req) => {
      const loan = await registers.returnLoan(db, req.ctx, req.params.id);
      const item = await archives.getItem(db, req.ctx, loan.itemId);
      return presentLoan(req.ctx.actor, loan, item, chinaToday());
    },
  );

  app.get(
    '/api/archives/expiring',
    { config: { action: 'business.read' }, schema: { tags, querystring: expiringQuery, response: { 200: archiveItemsOut } } },
    async (req) => ({
      items: (await registers.expiring(db, req.ctx, req.query.asOfYear ?? chinaYear())).map(presentItem),
    }),
  );
  app.get(
    '/api/archives/transfers/candidates',
    { config: { action: 'archives.manage' }, schema: { tags, querystring: yearQuery, response: { 200: archiveItemsOut } } },
    async (req) => ({
      items: (await registers.transferable(db, req.ctx, req.query.year)).map(presentItem),
    }),
  );
  app.get(
    '/api/archives/transfers',
    { config: { action: 'business.read' }, schema: { tags, response: { 200: archiveTransfersOut } } },
    async (req) => ({
      items: (await registers.transfers(db, req.ctx)).map(presentTransfer),
    }),
  );
  app.post(
    '/api/archives/transfers',
    { config: { action: 'archives.manage' }, schema: { tags, body: transferCreateSchema, response: { 201: archiveTransferOut } } },
    async (req, reply) => reply.code(201).send(presentTransfer((await registers.transfer(db, req.ctx, req.body)).transfer)),
  );
};
