/** What the caller may do with one record, sent with it so the web shows only those buttons. */
import { roleMay } from '@township-office/domain/permissions';
import { isClassified } from '@township-office/domain/documents';
import type { Actor } from '../../platform/context.ts';
import type { DocumentRow, IncomingRow } from './documents.tables.ts';

export const DOCUMENT_ACTIONS = [
  'edit',
  'submit',
  'review',
  'signOff',
  'number',
  'dispatchOnline',
  'dispatchPaper',
  'void',
  'uploadAttachment',
  'viewDeliveries',
  'pdf',
] as const;
export type DocumentAction = (typeof DOCUMENT_ACTIONS)[number];

export function documentActions(actor: Actor, doc: DocumentRow): DocumentAction[] {
  const own = actor.orgId === doc.orgId;
  const out: DocumentAction[] = [];
  if (!isClassified(doc.classification) && doc.status !== 'draft') out.push('pdf');
  if (!own) return out;
  const s = doc.status;
  const may = (a: Parameters<typeof roleMay>[1]) => roleMay(actor.role, a);
  if (may('documents.draft') && ['draft', 'returned', 'reviewed', 'signed_off'].includes(s)) out.push('edit');
  if (may('documents.draft') && !isClassified(doc.classification) && ['draft', 'returned', 'reviewed', 'signed_off'].includes(s))
    out.push('uploadAttachment');
  if (may('documents.draft') && (s === 'draft' || s === 'returned')) out.push('submit');
  if (may('documents.review') && s === 'in_review' && doc.drafterId !== actor.userId) out.push('review');
  if (may('documents.signOff') && s === 'reviewed') out.push('signOff');
  if (may('documents.number') && s === 'signed_off') out.push('number');
  if (may('documents.dispatch') && s === 'numbered') {
    if (!isClassified(doc.classification)) out.push('dispatchOnline');
    out.push('dispatchPaper');
  }
  if (may('documents.dispatch') && s !== 'void') out.push('void');
  if (['dispatched', 'void'].includes(s)) out.push('viewDeliveries');
  return out;
}

export const INCOMING_ACTIONS = ['screen', 'circulate', 'read', 'propose', 'instruct', 'assign', 'remind', 'close', 'reply'] as const;
export type IncomingAction = (typeof INCOMING_ACTIONS)[number];

export function incomingActions(actor: Actor, row: IncomingRow, circulatedToMeUnread = false): IncomingAction[] {
  if (actor.orgId !== row.orgId) return [];
  const office = roleMay(actor.role, 'documents.receive');
  const out: IncomingAction[] = [];
  switch (row.status) {
    case 'received':
      if (office) out.push('screen');
      break;
    case 'circulating':
      if (office) out.push('circulate');
      if (circulatedToMeUnread) out.push('read');
      break;
    case 'accepted':
      if (office) out.push('propose');
      break;
    case 'proposed':
      if (office) out.push('propose');
      if (roleMay(actor.role, 'documents.instruct')) out.push('instruct');
      break;
    case 'instructed':
      if (office) out.push('assign');
      break;
    case 'in_progress':
      if (office) out.push('assign', 'remind');
      if (office || row.handlerIds.includes(actor.userId)) out.push('close');
      break;
    case 'closed':
      if (office && row.mode === 'act' && row.senderOrgId && !row.reply) out.push('reply');
      break;
  }
  return out;
}
