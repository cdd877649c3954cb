/** 发文: the drafting slip's queries and actions. */
import { useQuery } from '@tanstack/react-query';
import type { DocumentDraft, DocumentStatus, PaperChannel, ReturnTarget } from '@township-office/domain/documents';
import { api, request } from '../../../lib/api.ts';
import { useInvalidatingMutation } from '../../../lib/query.ts';
import type { DocumentListItem, DocumentRecord, Page, ReceiptTable } from './types.ts';

export const docKeys = {
  all: ['documents'] as const,
  list: (status: DocumentStatus | undefined, page: number, pageSize: number) =>
    ['documents', 'list', status ?? 'all', page, pageSize] as const,
  one: (id: string) => ['documents', 'one', id] as const,
  deliveries: (id: string) => ['documents', 'deliveries', id] as const,
};

export function useDocumentList(status: DocumentStatus | undefined, page: number, pageSize = 20) {
  return useQuery({
    queryKey: docKeys.list(status, page, pageSize),
    queryFn: () => api.get<Page<DocumentListItem>>('/api/documents', { status, page, pageSize }),
    placeholderData: (prev) => prev,
  });
}

export function useDocument(id: string | undefined) {
  return useQuery({ queryKey: docKeys.one(id ?? ''), queryFn: () => api.get<DocumentRecord>(`/api/documents/${id}`), enabled: !!id });
}

export function useReceiptTable(id: string, enabled: boolean) {
  return useQuery({
    queryKey: docKeys.deliveries(id),
    queryFn: () => api.get<ReceiptTable>(`/api/documents/${id}/deliveries`),
    enabled,
  });
}

/** Every action on the slip refreshes the slip, its receipt table and the lists. */
const useDocMutation = <B, R>(fn: (b: B) => Promise<R>, silentError = false) => useInvalidatingMutation(docKeys.all, fn, { silentError });

export const useCreateDocument = () =>
  useDocMutation((b: DocumentDraft) => api.post<{ id: string; status: DocumentStatus }>('/api/documents', b), true);
export const useUpdateDocument = (id: string) =>
  useDocMutation((b: Partial<DocumentDraft>) => api.patch<DocumentRecord>(`/api/documents/${id}`, b), true);

export type SlipAction =
  | { kind: 'submit' }
  | { kind: 'review'; decision: 'approve' | 'return'; comment: string }
  | { kind: 'countersign'; decision: 'approve' | 'return'; opinion: string }
  | { kind: 'signOff'; opinion: string }
  | { kind: 'recheck' }
  | { kind: 'number' }
  | { kind: 'dispatch'; channel: 'online' | 'paper'; copies?: number; copyNumbers?: string; paperChannel?: PaperChannel; sentDate?: string }
  | { kind: 'void'; reason: string }
  | { kind: 'return'; to: ReturnTarget; reason: string }
  | { kind: 'recall' }
  | { kind: 'addReviewer'; userId: string; note: string };

export function useSlipAction(id: string) {
  return useDocMutation((a: SlipAction): Promise<unknown> => {
    const base = `/api/documents/${id}`;
    switch (a.kind) {
      case 'submit':
        return api.post(`${base}/submit`);
      case 'review':
        return api.post(`${base}/review`, { decision: a.decision, comment: a.comment });
      case 'countersign':
        return api.post(`${base}/countersign`, { decision: a.decision, opinion: a.opinion });
      case 'signOff':
        return api.post(`${base}/sign-off`, { opinion: a.opinion });
      case 'recheck':
        return api.post(`${base}/recheck`);
      case 'number':
        return api.post<{ docNumber: string }>(`${base}/number`);
      case 'dispatch': {
        const { kind: _k, ...body } = a;
        return api.post(`${base}/dispatch`, body);
      }
      case 'void':
        return api.post(`${base}/void`, { reason: a.reason });
      case 'return':
        return api.post(`${base}/return`, { to: a.to, reason: a.reason });
      case 'recall':
        return api.post(`${base}/recall`);
      case 'addReviewer':
        return api.post(`${base}/add-reviewer`, { userId: a.userId, note: a.note });
    }
  });
}

export const useRemindDelivery = () =>
  useDocMutation((deliveryId: string) => api.post(`/api/deliveries/${deliveryId}/remind`, { note: '' }));
/** 补发 a returned delivery; the note is optional (no note: a POST with no body). */
export const useResendDelivery = () =>
  useDocMutation((b: { id: string; note: string }) => api.post(`/api/deliveries/${b.id}/resend`, b.note ? { note: b.note } : undefined));
export const useWithdrawDelivery = () => useDocMutation((deliveryId: string) => api.post(`/api/deliveries/${deliveryId}/withdraw`));

/** Multipart upload of one attachment (field "file"). */
export function useUploadAttachment(id: string) {
  return useDocMutation(async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const res = await request('POST', `/api/documents/${id}/attachments`, { body: form });
    return res.json();
  });
}
export const uploadAttachment = async (id: string, file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  await request('POST', `/api/documents/${id}/attachments`, { body: form });
};
export const useRemoveAttachment = (id: string) =>
  useDocMutation((attachmentId: string) => api.post(`/api/documents/${id}/attachments/${attachmentId}/remove`));
