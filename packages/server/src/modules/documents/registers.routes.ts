/** GET /api/registers/outgoing and /incoming: JSON pages, or the whole selection as xlsx/pdf. */
import { z } from 'zod';
import { safeString } from '@township-office/domain/common';
import {
  CHANNELS,
  CLASSIFICATION_LABELS,
  URGENCY_LABELS,
  incomingRegisterQuery,
  outgoingRegisterQuery,
  type Classification,
  type Urgency,
} from '@township-office/domain/documents';
import { MAX_EXPORT_ROWS, type RegisterSpec } from '@township-office/domain/print';
import type { RouteModule } from '../../platform/app-types.ts';
import { assertMay, orgScope } from '../../platform/access.ts';
import type { RequestContext } from '../../platform/context.ts';
import { filterSummary, sendRegister } from '../../platform/print/register.ts';
import { documentsRepository } from './documents.repository.ts';
import { incomingRegisterPage, outgoingRegister, type RegisterFilter } from './registers.repository.ts';

const tags = ['documents'];
const CHANNEL_ZH: Record<string, string> = { online: '网上', paper: '纸质' };
const cls = (c: string) => CLASSIFICATION_LABELS[c as Classification] || '非密';
const urg = (u: string) => URGENCY_LABELS[u as Urgency] || '';
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

async function scopeFilter(ctx: RequestContext, orgId: string | undefined): Promise<string[] | null> {
  assertMay(ctx.actor, 'business.read');
  const scope = orgScope(ctx.actor);
  if (scope.kind === 'all') return orgId ? [orgId] : null;
  // A township asking for another org's register simply sees nothing of it.
  return orgId ? scope.orgIds.filter((x) => x === orgId) : scope.orgIds;
}

async function orgLabel(db: Parameters<RouteModule>[1]['db'], orgIds: string[] | null): Promise<string> {
  if (orgIds === null) return '全县';
  const names = await documentsRepository.orgNames(db, orgIds);
  return [...names.values()].join('、') || '—';
}

const outgoingItem = z.object({
  id: safeString(),
  orgId: safeString(),
  docNumber: safeString(),
  title: safeString(),
  docType: safeString(),
  classification: safeString(),
  urgency: safeString(),
  drafter: safeString().nullable(),
  signer: safeString().nullable(),
  writtenDate: safeString().nullable(),
  mainRecipients: safeString().nullable(),
  copyRecipients: safeString().nullable(),
  copies: z.number().nullable(),
  channel: z.enum(CHANNELS).nullable(),
  void: z.boolean(),
  remark: safeString().nullable(),
});
const incomingItem = z.object({
  id: safeString(),
  orgId: safeString(),
  serial: safeString(),
  receivedDate: safeString(),
  senderName: safeString(),
  docNumber: safeString().nullable(),
  title: safeString(),
  classification: safeString(),
  copies: z.number(),
  urgency: safeString(),
  proposal: safeString().nullable(),
  instruction: safeString().nullable(),
  handlers: safeString().nullable(),
  deadline: safeString().nullable(),
  closedAt: safeString().nullable(),
  archived: z.boolean(),
  channel: z.enum(CHANNELS),
  status: safeString(),
});
const page = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
/** The 收文登记本's total is exact up to a threshold and the planner's estimate beyond it (incoming.pages.ts). */
const incomingPage = z.object({
  items: z.array(incomingItem),
  total: z.number().int(),
  totalExact: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const registerRoutes: RouteModule = (app, { db: primary, readDb }) => {
  app.get(
    '/api/registers/outgoing',
    {
      config: { action: 'business.read' },
      schema: { tags, summary: '发文登记本 (?format=xlsx|pdf)', querystring: outgoingRegisterQuery, response: { 200: page(outgoingItem) } },
    },
    async (req, reply) => {
      const { format, page: p, pageSize, orgId, ...rest } = req.query;
      const f: RegisterFilter = { ...rest, orgIds: await scopeFilter(req.ctx, orgId) };
      const file = format !== 'json';
      // Every row the filter selects, for a file: from the replica when there is one.
      const db = file ? readDb : primary;
      const rows = await outgoingRegister(db, f, file ? MAX_EXPORT_ROWS : pageSize, file ? 0 : (p - 1) * pageSize);
      const items = rows.map((r) => ({
        id: r.id,
        orgId: r.org_id,
        docNumber: r.doc_number,
        title: r.title,
        docType: r.doc_type,
        classification: r.classification,
        urgency: r.urgency,
        drafter: r.drafter,
        signer: r.signer,
        writtenDate: r.written_date,
        mainRecipients: r.main_to,
        copyRecipients: r.copy_to,
        copies: r.copies,
        channel: r.channel as 'online' | null,
        void: r.status === 'void',
        remark:
          [r.status === 'void' ? `已作废${r.void_reason ? `：${r.void_reason}` : ''}` : null, r.remark].filter(Boolean).join('；') || null,
      }));
      if (!file) return { items, total: rows[0] ? Number(rows[0].total) : 0, page: p, pageSize };
      const spec: RegisterSpec = {
        title: '发文登记本',
        orgName: await orgLabel(db, f.orgIds),
        filterSummary: filterSummary([
          ['年度', f.year],
          ['起', f.from],
          ['止', f.to],
          ['文种', f.docType],
          ['渠道', f.channel ? CHANNEL_ZH[f.channel] : null],
          ['密级', f.classification ? cls(f.classification) : null],
          ['关键词', f.q],
        ]),
        columns: [
          { key: 'docNumber', header: '发文字号', width: 14 },
          { key: 'title', header: '标题', width: 26 },
          { key: 'docType', header: '文种', width: 5 },
          { key: 'cls', header: '密级', width: 5 },
          { key: 'urg', header: '紧急程度', width: 6 },
          { key: 'drafter', header: '拟稿人', width: 6 },
          { key: 'signer', header: '签发人', width: 6 },
          { key: 'writtenDate', header: '成文日期', width: 9 },
          { key: 'mainRecipients', header: '主送', width: 16 },
          { key: 'copyRecipients', header: '抄送', width: 10 },
          { key: 'copies', header: '份数', width: 4, align: 'right' as const },
          { key: 'ch', header: '渠道', width: 4 },
          { key: 'remark', header: '备注', width: 10 },
        ],
        rows: items.map(({ void: _void, ...i }) => ({
          ...i,
          cls: cls(i.classification),
          urg: urg(i.urgency),
          ch: i.channel ? CHANNEL_ZH[i.channel] : '',
        })),
        footer: `合计 ${items.length} 件`,
      };
      return sendRegister(reply, spec, format, `发文登记本${f.year ? `-${f.year}` : ''}`);
    },
  );

  app.get(
    '/api/registers/incoming',
    {
      config: { action: 'business.read' },
      schema: { tags, summary: '收文登记本 (?format=xlsx|pdf)', querystring: incomingRegisterQuery, response: { 200: incomingPage } },
    },
    async (req, reply) => {
      const { format, page: p, pageSize, orgId, sort, ...rest } = req.query;
      const f: RegisterFilter = { ...rest, orgIds: await scopeFilter(req.ctx, orgId) };
      const file = format !== 'json';
      const db = file ? readDb : primary;
      const result = await incomingRegisterPage(db, { ...f, sort }, file ? MAX_EXPORT_ROWS : pageSize, file ? 0 : (p - 1) * pageSize);
      const items = result.rows.map((r) => ({
        id: r.id,
        orgId: r.org_id,
        serial: r.serial,
        receivedDate: r.received_date,
        senderName: r.sender_name,
        docNumber: r.doc_number,
        title: r.title,
        classification: r.classification,
        copies: Number(r.copies),
        urgency: r.urgency,
        proposal: r.proposal,
        instruction: r.instruction,
        handlers: r.handlers,
        deadline: r.deadline,
        closedAt: iso(r.closed_at),
        archived: !!r.archived_at,
        channel: r.channel as 'online',
        status: r.status,
      }));
      if (!file) return { items, total: result.total, totalExact: result.totalExact, page: p, pageSize };
      const spec: RegisterSpec = {
        title: '收文登记本',
        orgName: await orgLabel(db, f.orgIds),
        filterSummary: filterSummary([
          ['年度', f.year],
          ['起', f.from],
          ['止', f.to],
          ['渠道', f.channel ? CHANNEL_ZH[f.channel] : null],
          ['密级', f.classification ? cls(f.classification) : null],
          ['关键词', f.q],
        ]),
        columns: [
          { key: 'serial', header: '收文编号', width: 8 },
          { key: 'receivedDate', header: '收文日期', width: 8 },
          { key: 'senderName', header: '来文机关', width: 12 },
          { key: 'docNumber', header: '来文字号', width: 12 },
          { key: 'title', header: '标题', width: 22 },
          { key: 'cls', header: '密级', width: 4 },
          { key: 'copies', header: '份数', width: 4, align: 'right' as const },
          { key: 'urg', header: '紧急程度', width: 5 },
          { key: 'proposal', header: '拟办', width: 10 },
          { key: 'instruction', header: '批示', width: 10 },
          { key: 'handlers', header: '承办人', width: 6 },
          { key: 'deadline', header: '办理时限', width: 8 },
          { key: 'closedDate', header: '办结日期', width: 8 },
          { key: 'arch', header: '归档', width: 4 },
        ],
        rows: items.map(({ archived, ...i }) => ({
          ...i,
          cls: cls(i.classification),
          urg: urg(i.urgency),
          closedDate: i.closedAt ? new Date(i.closedAt) : null,
          arch: archived ? '是' : '',
        })),
        footer: `合计 ${items.length} 件`,
      };
      return sendRegister(reply, spec, format, `收文登记本${f.year ? `-${f.year}` : ''}`);
    },
  );
};
