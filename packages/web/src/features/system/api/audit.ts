import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

export interface AuditItem {
  id: number;
  at: string;
  actorUsername: string | null;
  actorRole: string | null;
  orgId: string | null;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface VerifyResult {
  ok: boolean;
  rowsChecked: number;
  chains: number;
  firstBroken?: { id: number; chain: string; seq: number; reason: string };
}

export function useAuditPage(filter: AuditFilter) {
  return useQuery({
    queryKey: ['system', 'audit', filter],
    queryFn: () => api.get<{ items: AuditItem[]; total: number; page: number; pageSize: number }>('/api/audit', { ...filter }),
    placeholderData: (prev) => prev,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<VerifyResult>('/api/audit/verify') });
}
