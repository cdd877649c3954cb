/**
 * Where this module meets others: the shared print mechanism for the bulletin, and the documents
 * module's drafting operation for "dispatch through the documents flow" (the bulletin becomes a
 * draft 通知 of the county office that then goes through review, sign-off, numbering, dispatch).
 */
import type { FormSpec } from '@township-office/domain/print';
import { renderForm } from '../../platform/print/form.ts';
import { draftDocument } from '../documents/documents.service.ts';
import type { DraftFromContent } from './bulletins.service.ts';

export function renderBulletinPdf(spec: FormSpec): Promise<Buffer> {
  return renderForm(spec);
}

export function documentsDraftFromContent(): DraftFromContent {
  return async (db, ctx, input) => {
    const row = await draftDocument(db, ctx, { ...input, copyRecipientOrgIds: [], urgency: 'none', classification: 'none' });
    return { id: row.id };
  };
}
