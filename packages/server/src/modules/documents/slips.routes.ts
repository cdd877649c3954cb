/** 发文笺 and 文件处理笺 as single-document forms through the shared print mechanism. */
import { printedRecipientsOf } from './documents.recipients.ts';
import { onBehalfName } from '@township-office/domain/delegations';
import {
  CLASSIFICATION_LABELS,
  DOCUMENT_STATUS_LABELS,
  FLOW_RECORD_ACTION_LABELS,
  FLOW_RECORD_STEP_LABELS,
  INCOMING_STATUS_LABELS,
  URGENCY_LABELS,
  formatChineseDate,
} from '@township-office/domain/documents';
import { idParamSchema } from '@township-office/domain/common';
import { fileResponse, type FormSpec } from '@township-office/domain/print';
import type { RouteModule } from '../../platform/app-types.ts';
import { renderForm } from '../../platform/print/form.ts';
import { sendFile } from '../../platform/print/send.ts';
import { presentCountersigns } from './documents.presenter.ts';
import { documentsRepository } from './documents.repository.ts';
import { readableDocument } from './documents.service.ts';
import { flowRecordOf } from './flow.service.ts';
import { canReadOrg } from '../../platform/access.ts';
import { chinaTime, chinaToday } from '@township-office/domain/dates';
import { incomingDetail } from './incoming.service.ts';

const tags = ['documents'];
const day = (d: Date | string | null) => (d ? formatChineseDate(new Date(d).toISOString().slice(0, 10)) : null);

export const slipRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/documents/:id/slip',
    {
      config: { action: 'business.read' },
      schema: { tags, summary: '发文笺 (drafting slip) as PDF', params: idParamSchema, response: { 200: fileResponse('application/pdf') } },
    },
    async (req, reply) => {
      const doc = await readableDocument(db, req.ctx.actor, req.params.id);
      const org = await documentsRepository.orgById(db, doc.orgId);
      const names = await documentsRepository.userNames(db, [doc.drafterId, doc.reviewerId]);
      const orgNames = await documentsRepository.orgNames(db, [
        ...doc.mainRecipientOrgIds,
        ...doc.copyRecipientOrgIds,
        ...doc.countersignOrgIds,
      ]);
      // 条例 第二十二条: "联合发文由所有联署机关的负责人会签" — one opinion box per co-issuing org.
      const countersigns = presentCountersigns(doc, await documentsRepository.countersignsOf(db, doc.id), orgNames).map((c) => ({
        label: `会签（${c.orgName}）`,
        text: c.opinion,
        name: onBehalfName(c.userName, c.forUserName),
        date: day(c.decidedAt),
      }));
      const printed = printedRecipientsOf(doc, orgNames);
      // 流转记录: every step, as the web slip shows it; another org's reader does not see the sender's handling.
      const record = canReadOrg(req.ctx.actor, doc.orgId) ? await flowRecordOf(db, doc) : [];
      const spec: FormSpec = {
        title: '发文笺',
        orgName: org?.name ?? '',
        subtitle: doc.docNumber ?? DOCUMENT_STATUS_LABELS[doc.status],
        sections: [
          {
            opinions: [
              { label: '签发', text: doc.signOffOpinion, name: onBehalfName(doc.signerName, doc.signerForName), date: doc.writtenDate },
              ...countersigns,
              {
                label: '核稿',
                text: doc.reviewComment,
                name: doc.reviewerId ? names.get(doc.reviewerId) : null,
                date: day(doc.reviewedAt),
              },
            ],
          },
          {
            rows: [
              {
                cells: [
                  { label: '发文字号', value: doc.docNumber, span: 2 },
                  { label: '文种', value: doc.docType },
                ],
              },
              {
                cells: [
                  { label: '密级', value: CLASSIFICATION_LABELS[doc.classification] || '非密' },
                  { label: '紧急程度', value: URGENCY_LABELS[doc.urgency] || '一般' },
                  { label: '份数', value: doc.copies },
                ],
              },
              { cells: [{ label: '标题', value: doc.title }], minLines: 2 },
              { cells: [{ label: '主送', value: printed.main.join('、') }] },
              { cells: [{ label: '抄送', value: printed.copy.join('、') }] },
              { cells: [{ label: '附件', value: doc.attachmentNote }] },
              {
                cells: [
                  { label: '拟稿人', value: names.get(doc.drafterId) },
                  { label: '拟稿日期', value: day(doc.draftedAt) },
                  { label: '成文日期', value: doc.writtenDate ? formatChineseDate(doc.writtenDate) : null },
                ],
              },
            ],
          },
          ...(canReadOrg(req.ctx.actor, doc.orgId)
            ? [
                {
                  heading: '流转记录',
                  columns: [
                    // 代理 holds 代 and a four-character name, 时间 "2026-12-03 09:30" on one line.
                    { header: '环节', width: 1 },
                    { header: '操作', width: 1.5 },
                    { header: '办理人', width: 1.3 },
                    { header: '代理', width: 1.3 },
                    { header: '意见', width: 3.2 },
                    { header: '时间', width: 2.4 },
                  ],
                  rows: record.map((r) => [
                    FLOW_RECORD_STEP_LABELS[r.step],
                    FLOW_RECORD_ACTION_LABELS[r.action],
                    r.orgName ? `${r.userName}（${r.orgName}）` : r.userName,
                    r.onBehalfOfName ? `代${r.onBehalfOfName}` : null,
                    r.opinion,
                    `${chinaToday(r.at)} ${chinaTime(r.at)}`,
                  ]),
                  empty: '暂无流转记录',
                },
              ]
            : []),
        ],
      };
      return sendFile(reply, await renderForm(spec), `发文笺-${doc.docNumber ?? doc.title}.pdf`, 'application/pdf', 'inline');
    },
  );

  app.get(
    '/api/incoming/:id/slip',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        summary: '文件处理笺 (processing slip) as PDF',
        params: idParamSchema,
        response: { 200: fileResponse('application/pdf') },
      },
    },
    async (req, reply) => {
      const { row, names, circulation } = await incomingDetail(db, req.ctx, req.params.id);
      const org = await documentsRepository.orgById(db, row.orgId);
      const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
      const spec: FormSpec = {
        title: '文件处理笺',
        orgName: org?.name ?? '',
        subtitle: `收文编号：${row.serial}`,
        sections: [
          {
            rows: [
              {
                cells: [
                  { label: '来文机关', value: row.senderName, span: 2 },
                  { label: '收文日期', value: formatChineseDate(row.receivedDate) },
                ],
              },
              {
                cells: [
                  { label: '来文字号', value: row.docNumber, span: 2 },
                  { label: '密级', value: CLASSIFICATION_LABELS[row.classification] || '非密' },
                ],
              },
              { cells: [{ label: '标题', value: row.title }], minLines: 2 },
              {
                cells: [
                  { label: '紧急程度', value: URGENCY_LABELS[row.urgency] || '一般' },
                  { label: '份数', value: row.copies },
                  { label: '办理时限', value: row.deadline ? formatChineseDate(row.deadline) : null },
                ],
              },
            ],
          },
          {
            opinions: [
              { label: '拟办意见', text: row.proposal, name: name(row.proposedBy), date: day(row.proposedAt) },
              {
                label: '领导批示',
                text: row.instruction,
                name: onBehalfName(name(row.instructedBy), name(row.instructedFor)),
                date: day(row.instructedAt),
              },
              { label: '办理结果', text: row.result, name: name(row.closedBy), date: day(row.closedAt) },
            ],
          },
          {
            rows: [
              {
                cells: [
                  { label: '承办人', value: row.handlerIds.map((i) => names.get(i) ?? '').join('、') },
                  { label: '状态', value: INCOMING_STATUS_LABELS[row.status] },
                ],
              },
              { cells: [{ label: '传阅', value: circulation.map((c) => `${c.name}${c.readAt ? '（已阅）' : '（未阅）'}`).join('、') }] },
            ],
          },
        ],
      };
      return sendFile(reply, await renderForm(spec), `文件处理笺-${row.serial}.pdf`, 'application/pdf', 'inline');
    },
  );
};
