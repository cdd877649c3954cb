/** 办文 HTTP routes: thin — validate, call the service, present. */
import { fileResponse } from '@township-office/domain/print';
import { z } from 'zod';
import { idParamSchema, safeString } from '@township-office/domain/common';
import {
  DELIVERY_STATUSES,
  DOCUMENT_STATUSES,
  dispatchSchema,
  documentListQuery,
  inboxQuery,
  documentDraftSchema,
  documentUpdateSchema,
  noteSchema,
  reasonSchema,
  reviewSchema,
  signOffSchema,
  voidSchema,
} from '@township-office/domain/documents';
import { OFD_MIME, documentListOut, documentOfdOut, documentOut, inboxOut, receiptTableOut } from '@township-office/domain/documents.api';
import type { RouteModule } from '../../platform/app-types.ts';
import { orgScope } from '../../platform/access.ts';
import { registerJob } from '../../platform/jobs.ts';
import { sendFile } from '../../platform/print/send.ts';
import { runDeadlineReminders } from './documents.jobs.ts';
import { onlineShareByOrgMonth } from './documents.metrics.ts';
import { renderOfficialDocumentOfd } from './documents.ofd.ts';
import * as deliveriesService from './deliveries.service.ts';
import { presentDocumentListItem, presentInboxItem, presentReceiptTable } from './documents.presenter.ts';
import * as service from './documents.service.ts';
import { eventRoutes } from './documents.events.routes.ts';
import { incomingRoutes } from './incoming.routes.ts';
import { registerRoutes } from './registers.routes.ts';
import { registerImportRoutes } from './registers.import.routes.ts';
import { attachmentRoutes } from './attachments.routes.ts';
import { slipRoutes } from './slips.routes.ts';
import { countersignRoutes } from './countersign.routes.ts';
import { revisionRoutes } from './revisions.routes.ts';
import { flowRoutes } from './flow.routes.ts';
import { signatureRoutes } from './signatures.routes.ts';
import { documentPdf } from './signatures.service.ts';

const tags = ['documents'];
const statusOut = z.object({ id: z.uuid(), status: z.enum(DOCUMENT_STATUSES) });

export const documentsRoutes: RouteModule = (app, deps) => {
  const { db } = deps;
  const idParams = idParamSchema;

  app.post(
    '/api/documents',
    {
      config: { action: 'documents.draft' },
      schema: { tags, summary: '拟稿 draft a document', body: documentDraftSchema, response: { 201: statusOut } },
    },
    async (req, reply) => {
      const row = await service.draftDocument(db, req.ctx, req.body);
      return reply.code(201).send({ id: row.id, status: row.status });
    },
  );
  app.get(
    '/api/documents',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        summary: "outgoing documents of the caller's scope",
        querystring: documentListQuery,
        response: { 200: documentListOut },
      },
    },
    async (req) => {
      const { rows, total, totalExact } = await service.listDocuments(db, req.ctx, req.query);
      return { items: rows.map(presentDocumentListItem), total, totalExact, page: req.query.page, pageSize: req.query.pageSize };
    },
  );
  app.get(
    '/api/documents/:id',
    {
      config: { action: 'business.read' },
      schema: { tags, summary: 'the drafting slip with allowedActions', params: idParams, response: { 200: documentOut } },
    },
    async (req) => service.documentView(db, req.ctx.actor, await service.readableDocument(db, req.ctx.actor, req.params.id)),
  );
  app.patch(
    '/api/documents/:id',
    {
      config: { action: 'documents.draft' },
      schema: {
        tags,
        summary: 'edit; after sign-off a change goes back to the signer',
        params: idParams,
        body: documentUpdateSchema,
        response: { 200: documentOut },
      },
    },
    async (req) => service.documentView(db, req.ctx.actor, await service.updateDocument(db, req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/documents/:id/submit',
    {
      config: { action: 'documents.draft' },
      schema: { tags, summary: '提交核稿', params: idParams, body: z.object({}).strict().optional(), response: { 200: statusOut } },
    },
    async (req) => {
      const row = await service.submitDocument(db, req.ctx, req.params.id);
      return { id: row.id, status: row.status };
    },
  );
  app.post(
    '/api/documents/:id/review',
    {
      config: { action: 'documents.review' },
      schema: { tags, summary: '核稿', params: idParams, body: reviewSchema, response: { 200: statusOut } },
    },
    async (req) => {
      const row = await service.reviewDocument(db, req.ctx, req.params.id, req.body);
      return { id: row.id, status: row.status };
    },
  );
  app.post(
    '/api/documents/:id/sign-off',
    {
      config: { action: 'documents.signOff', delegable: true },
      schema: {
        tags,
        summary: '签发 (成文日期 = today)',
        params: idParams,
        body: signOffSchema,
        response: { 200: statusOut.extend({ writtenDate: safeString() }) },
      },
    },
    async (req) => {
      const row = await service.signOffDocument(db, req.ctx, req.params.id, req.body);
      return { id: row.id, status: row.status, writtenDate: row.writtenDate! };
    },
  );
  app.post(
    '/api/documents/:id/number',
    {
      config: { action: 'documents.number' },
      schema: {
        tags,
        summary: '编号 发文字号',
        params: idParams,
        body: z.object({}).strict().optional(),
        response: { 200: z.object({ docNumber: safeString() }) },
      },
    },
    async (req) => {
      const row = await service.numberDocument(db, req.ctx, req.params.id);
      return { docNumber: row.docNumber! };
    },
  );
  app.post(
    '/api/documents/:id/dispatch',
    {
      config: { action: 'documents.dispatch' },
      schema: {
        tags,
        summary: '分发 online or paper',
        params: idParams,
        body: dispatchSchema,
        response: { 200: statusOut.extend({ channel: z.enum(['online', 'paper']), deliveries: z.number().int() }) },
      },
    },
    async (req) => {
      const r = await service.dispatchDocument(db, req.ctx, req.params.id, req.body);
      return { id: r.doc.id, status: r.doc.status, channel: req.body.channel, deliveries: r.deliveries };
    },
  );
  app.post(
    '/api/documents/:id/void',
    {
      config: { action: 'documents.dispatch' },
      schema: { tags, summary: '作废 (keeps its number)', params: idParams, body: voidSchema, response: { 200: statusOut } },
    },
    async (req) => {
      const row = await service.voidDocument(db, req.ctx, req.params.id, req.body);
      return { id: row.id, status: row.status };
    },
  );
  app.get(
    '/api/documents/:id/deliveries',
    {
      config: { action: 'business.read' },
      schema: { tags, summary: 'receipt table', params: idParams, response: { 200: receiptTableOut } },
    },
    async (req) => presentReceiptTable(await deliveriesService.receiptTable(db, req.ctx, req.params.id)),
  );
  app.get(
    '/api/documents/:id/pdf',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        summary: 'GB/T 9704 PDF (a document dispatched online: the signed bytes)',
        params: idParams,
        response: { 200: fileResponse('application/pdf') },
      },
    },
    async (req, reply) => {
      // A document signed at dispatch is served as exactly the signed bytes, so a downloaded copy verifies.
      const { doc, bytes } = await documentPdf(db, req.ctx, req.params.id);
      return sendFile(reply, bytes, `${doc.docNumber ?? doc.title}.pdf`, 'application/pdf', 'inline');
    },
  );
  app.get(
    '/api/documents/:id/ofd',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        summary: 'GB/T 33190 OFD (the GB/T 9704 layout of the PDF)',
        params: idParams,
        response: { 200: documentOfdOut },
      },
    },
    async (req, reply) => {
      const doc = await service.documentForOfd(db, req.ctx.actor, req.params.id);
      const ofd = renderOfficialDocumentOfd(await service.officialDocumentInput(db, doc), { id: doc.id });
      return sendFile(reply, ofd, `${doc.docNumber ?? doc.title}.ofd`, OFD_MIME);
    },
  );

  // Deliveries: the recipient's inbox and the sender's receipt actions.
  app.get(
    '/api/inbox',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        summary: "deliveries to the caller's org, newest first",
        querystring: inboxQuery,
        response: { 200: inboxOut },
      },
    },
    async (req) => {
      const r = await deliveriesService.inbox(db, req.ctx, req.query);
      return {
        items: r.rows.map(presentInboxItem),
        total: r.total,
        totalExact: r.totalExact,
        pending: r.pending,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );
  app.post(
    '/api/deliveries/:id/acknowledge',
    {
      config: { action: 'documents.receive' },
      schema: {
        tags,
        summary: '签收 → incoming register entry',
        params: idParams,
        body: z.object({}).strict().optional(),
        response: { 200: z.object({ incomingId: z.uuid(), serial: safeString() }) },
      },
    },
    async (req) => {
      const r = await deliveriesService.acknowledgeDelivery(db, req.ctx, req.params.id);
      return { incomingId: r.incoming.id, serial: r.incoming.serial };
    },
  );
  const deliveryStatusOut = z.object({ id: z.uuid(), status: z.enum(DELIVERY_STATUSES) });
  app.post(
    '/api/deliveries/:id/return',
    {
      config: { action: 'documents.receive' },
      schema: { tags, summary: '退回 with a reason', params: idParams, body: reasonSchema, response: { 200: deliveryStatusOut } },
    },
    async (req) => {
      const r = await deliveriesService.returnDelivery(db, req.ctx, req.params.id, req.body.reason);
      return { id: r.id, status: r.status };
    },
  );
  app.post(
    '/api/deliveries/:id/withdraw',
    {
      config: { action: 'documents.dispatch' },
      schema: {
        tags,
        summary: '撤回 (sender, before acknowledgement)',
        params: idParams,
        body: z.object({}).strict().optional(),
        response: { 200: deliveryStatusOut },
      },
    },
    async (req) => {
      const r = await deliveriesService.withdrawDelivery(db, req.ctx, req.params.id);
      return { id: r.id, status: r.status };
    },
  );
  app.post(
    '/api/deliveries/:id/remind',
    {
      config: { action: 'documents.dispatch' },
      schema: {
        tags,
        summary: '催收 a pending recipient',
        params: idParams,
        body: noteSchema,
        response: { 200: deliveryStatusOut.extend({ reminderCount: z.number().int() }) },
      },
    },
    async (req) => {
      const r = await deliveriesService.remindDelivery(db, req.ctx, req.params.id, req.body.note);
      return { id: r.id, status: r.status, reminderCount: r.reminderCount };
    },
  );

  app.post(
    '/api/deliveries/:id/resend',
    {
      config: { action: 'documents.dispatch' },
      schema: {
        tags,
        summary: '补发 a returned delivery to the same recipient (the return and its reason are kept)',
        params: idParams,
        body: noteSchema.optional(),
        response: { 200: deliveryStatusOut },
      },
    },
    async (req) => {
      const r = await deliveriesService.resendDelivery(db, req.ctx, req.params.id, req.body?.note ?? '');
      return { id: r.id, status: r.status };
    },
  );

  app.get(
    '/api/metrics/online-share',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        summary: 'online share of exchanges per sending org and month',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict(),
        response: {
          200: z.object({
            items: z.array(z.object({ orgId: safeString(), month: z.number().int(), online: z.number().int(), total: z.number().int() })),
          }),
        },
      },
    },
    async (req) => {
      const scope = orgScope(req.ctx.actor);
      const rows = await onlineShareByOrgMonth(db, req.query.year);
      return { items: scope.kind === 'all' ? rows : rows.filter((r) => scope.orgIds.includes(r.orgId)) };
    },
  );

  incomingRoutes(app, deps);
  registerRoutes(app, deps);
  registerImportRoutes(app, deps);
  attachmentRoutes(app, deps);
  eventRoutes(app, deps);
  slipRoutes(app, deps);
  countersignRoutes(app, deps);
  revisionRoutes(app, deps);
  flowRoutes(app, deps);
  signatureRoutes(app, deps);

  // Automatic 催办 once an hour in every process (the job itself is idempotent per day).
  registerJob(app, { name: 'documents.deadlineReminders', everyMs: 3600_000, run: () => runDeadlineReminders(db) });
};
