import { useMutation, useQuery } from '@tanstack/react-query';
import type { AuditPage, AuditVerifyResult } from '@township-office/domain/audit.api';
import { api } from '../../../lib/api.ts';

export type { AuditItem } from '@township-office/domain/audit.api';

export interface AuditFilter {
  actor?: string;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export type VerifyResult = AuditVerifyResult;

export function useAuditPage(filter: AuditFilter) {
  return useQuery({
    queryKey: ['system', 'audit', filter],
    queryFn: () => api.get<AuditPage>('/api/audit', { ...filter }),
    placeholderData: (prev) => prev,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<VerifyResult>('/api/audit/verify') });
}
