/**
 * The two registers of 办文 (发文登记本, 收文登记本): who may read which offices, a row as the API
 * sends it, and the register file's columns. The routes only hand these to `listOrExport`.
 */
import type { z } from 'zod';
import {
  CLASSIFICATION_LABELS,
  PAPER_CHANNEL_LABELS,
  URGENCY_LABELS,
  secrecyMark,
  type Classification,
  type PaperChannel,
  type SecrecyUnit,
  type Urgency,
} from '@township-office/domain/documents';
import type { incomingRegisterItem, outgoingRegisterItem } from '@township-office/domain/documents.api';
import type { RegisterSpec } from '@township-office/domain/print';
import type { DbOrTx } from '../../db/client.ts';
import { assertMay, orgScope } from '../../platform/access.ts';
import type { RequestContext } from '../../platform/context.ts';
import { filterSummary } from '../../platform/print/register.ts';
import { documentsRepository } from './documents.repository.ts';
import type { IncomingSort } from './incoming.pages.ts';
import { incomingRegisterPage, outgoingRegisterPage, type OutgoingRegisterFilter, type RegisterFilter } from './registers.repository.ts';

type OutgoingRegisterItem = z.infer<typeof outgoingRegisterItem>;
type IncomingRegisterItem = z.infer<typeof incomingRegisterItem>;
export type RegisterQueryFilter = Omit<RegisterFilter, 'orgIds'> & { orgId?: string };

const CHANNEL_ZH: Record<string, string> = { online: '网上', paper: '纸质' };
const cls = (c: string) => CLASSIFICATION_LABELS[c as Classification] || '非密';
const urg = (u: string) => URGENCY_LABELS[u as Urgency] || '';
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
/** 秘密★1年 from a register row's columns. */
const markOf = (r: { classification: string; secrecy_unit: string | null; secrecy_amount: number | null }) =>
  secrecyMark(
    r.classification as Classification,
    r.secrecy_unit ? { unit: r.secrecy_unit as SecrecyUnit, amount: r.secrecy_amount } : null,
  );
/** The register's 密级 column: 秘密★1年, or 非密. */
const clsMark = (i: { classification: string; secrecyMark: string }) => i.secrecyMark || cls(i.classification);
/** 纸质（机要交通） */
const channelText = (channel: string | null, paper: PaperChannel | null) =>
  channel ? `${CHANNEL_ZH[channel] ?? ''}${paper ? `（${PAPER_CHANNEL_LABELS[paper]}）` : ''}` : '';

/** The offices whose register the caller reads: a township asking for another org's simply sees nothing of it. */
function scopeFilter(ctx: RequestContext, orgId: string | undefined): string[] | null {
  assertMay(ctx.actor, 'business.read');
  const scope = orgScope(ctx.actor);
  if (scope.kind === 'all') return orgId ? [orgId] : null;
  return orgId ? scope.orgIds.filter((x) => x === orgId) : scope.orgIds;
}

async function orgLabel(db: DbOrTx, orgIds: string[] | null): Promise<string> {
  if (orgIds === null) return '全县';
  const names = await documentsRepository.orgNames(db, orgIds);
  return [...names.values()].join('、') || '—';
}

const fileBaseName = (title: string, f: RegisterFilter) => `${title}${f.year ? `-${f.year}` : ''}`;

export function scopedRegisterFilter(ctx: RequestContext, { orgId, ...rest }: RegisterQueryFilter): RegisterFilter {
  return { ...rest, orgIds: scopeFilter(ctx, orgId) };
}

export async function outgoingRegisterItems(db: DbOrTx, f: OutgoingRegisterFilter, limit: number, offset: number) {
  const { rows, total, totalExact } = await outgoingRegisterPage(db, f, limit, offset);
  const items: OutgoingRegisterItem[] = rows.map((r) => ({
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
    copyNumbers: r.copy_numbers,
    channel: r.channel as 'online' | null,
    secrecyMark: markOf(r),
    paperChannel: r.paper_channel as PaperChannel | null,
    void: r.status === 'void',
    remark:
      [r.status === 'void' ? `已作废${r.void_reason ? `：${r.void_reason}` : ''}` : null, r.remark].filter(Boolean).join('；') || null,
  }));
  return { items, total, totalExact };
}

export async function outgoingRegisterFile(db: DbOrTx, f: RegisterFilter, items: OutgoingRegisterItem[]) {
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
      { key: 'cls', header: '密级', width: 7 },
      { key: 'urg', header: '紧急程度', width: 6 },
      { key: 'drafter', header: '拟稿人', width: 6 },
      { key: 'signer', header: '签发人', width: 6 },
      { key: 'writtenDate', header: '成文日期', width: 9 },
      { key: 'mainRecipients', header: '主送', width: 16 },
      { key: 'copyRecipients', header: '抄送', width: 10 },
      { key: 'copies', header: '份数', width: 4, align: 'right' as const },
      { key: 'copyNumbers', header: '份号', width: 8 },
      { key: 'ch', header: '渠道', width: 6 },
      { key: 'remark', header: '备注', width: 10 },
    ],
    rows: items.map(({ void: _void, ...i }) => ({
      ...i,
      cls: clsMark(i),
      urg: urg(i.urgency),
      ch: channelText(i.channel, i.paperChannel),
    })),
    footer: `合计 ${items.length} 件`,
  };
  return { spec, fileBaseName: fileBaseName('发文登记本', f) };
}

export async function incomingRegisterItems(db: DbOrTx, f: RegisterFilter & { sort?: IncomingSort }, limit: number, offset: number) {
  const result = await incomingRegisterPage(db, f, limit, offset);
  const items: IncomingRegisterItem[] = result.rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    serial: r.serial,
    receivedDate: r.received_date,
    senderName: r.sender_name,
    docNumber: r.doc_number,
    title: r.title,
    classification: r.classification,
    copies: Number(r.copies),
    copyNumbers: r.copy_numbers,
    secrecyMark: markOf(r),
    paperChannel: r.paper_channel as PaperChannel | null,
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
  return { items, total: result.total, totalExact: result.totalExact };
}

export async function incomingRegisterFile(db: DbOrTx, f: RegisterFilter, items: IncomingRegisterItem[]) {
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
      { key: 'cls', header: '密级', width: 7 },
      { key: 'copies', header: '份数', width: 4, align: 'right' as const },
      { key: 'copyNumbers', header: '份号', width: 8 },
      { key: 'ch', header: '渠道', width: 6 },
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
      cls: clsMark(i),
      ch: channelText(i.channel, i.paperChannel),
      urg: urg(i.urgency),
      closedDate: i.closedAt ? new Date(i.closedAt) : null,
      arch: archived ? '是' : '',
    })),
    footer: `合计 ${items.length} 件`,
  };
  return { spec, fileBaseName: fileBaseName('收文登记本', f) };
}
