/** 收文: the inbox of deliveries, the incoming entries and their processing slip. */
import { useQuery } from '@tanstack/react-query';
import type { DeliveryStatus, IncomingPaper, IncomingStatus } from '@township-office/domain/documents';
import { api } from '../../../lib/api.ts';
import { useInvalidatingMutation } from '../../../lib/query.ts';
import type { InboxPage, IncomingListItem, IncomingRecord, Page } from './types.ts';

export const inKeys = {
  inbox: ['documents', 'inbox'] as const,
  incoming: ['documents', 'incoming'] as const,
  one: (id: string) => ['documents', 'incoming', 'one', id] as const,
};

export function useInbox(status: DeliveryStatus | undefined, page: number, pageSize = 20) {
  return useQuery({
    queryKey: [...inKeys.inbox, status ?? 'all', page, pageSize],
    queryFn: () => api.get<InboxPage>('/api/inbox', { status, page, pageSize }),
    placeholderData: (prev) => prev,
  });
}

export function useIncomingList(status: IncomingStatus | undefined, page: number, pageSize = 20) {
  return useQuery({
    queryKey: [...inKeys.incoming, 'list', status ?? 'all', page, pageSize],
    queryFn: () => api.get<Page<IncomingListItem>>('/api/incoming', { status, page, pageSize }),
    placeholderData: (prev) => prev,
  });
}

export function useIncoming(id: string | undefined) {
  return useQuery({ queryKey: inKeys.one(id ?? ''), queryFn: () => api.get<IncomingRecord>(`/api/incoming/${id}`), enabled: !!id });
}

/** Every 收文 mutation refreshes the documents feature (inbox, lists, slips). */
const useInvalidating = <B, R>(fn: (b: B) => Promise<R>) => useInvalidatingMutation('documents', fn);

export const useAcknowledge = () =>
  useInvalidating((deliveryId: string) => api.post<{ incomingId: string; serial: string }>(`/api/deliveries/${deliveryId}/acknowledge`));
export const useReturnDelivery = () =>
  useInvalidating((b: { id: string; reason: string }) => api.post(`/api/deliveries/${b.id}/return`, { reason: b.reason }));
export const useRegisterPaper = () => useInvalidating((b: IncomingPaper) => api.post<IncomingRecord>('/api/incoming', b));

export type IncomingOp =
  | { op: 'screen'; decision: 'read' | 'act' | 'return'; reason?: string }
  | { op: 'circulate'; userIds: string[] }
  | { op: 'read'; note: string }
  | { op: 'propose'; proposal: string }
  | { op: 'instruct'; instruction: string; handlerIds?: string[]; deadline?: string | null }
  | { op: 'assign'; handlerIds: string[]; deadline?: string | null }
  | { op: 'remind'; note: string }
  | { op: 'close'; result: string };

/** 答复: the server drafts the reply (复文) to the sender and answers with its id. */
export const useReplyIncoming = (id: string) => useInvalidating(() => api.post<{ documentId: string }>(`/api/incoming/${id}/reply`));

export function useIncomingOp(id: string) {
  return useInvalidating(({ op, ...body }: IncomingOp) => api.post<IncomingRecord>(`/api/incoming/${id}/${op}`, body));
}
