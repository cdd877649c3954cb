/** Visitor reception and letters and visits over /api/visits and /api/petitions. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../../lib/api.ts';

export interface Visit {
  id: string;
  visitDate: string;
  visitingUnit: string;
  visitorNames: string[];
  visitorCount: number;
  purpose: string;
  letterRef: string | null;
  hostName: string;
  arrangements: string;
  costItems: { category: string; description: string; amount: number }[];
  totalCost: number;
  void: boolean;
  allowedActions: string[];
}
export interface Petitioner {
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}
export interface PetitionSummary {
  id: string;
  serial: string;
  receivedOn: string;
  channel: string;
  petitioners: Petitioner[];
  subject: string;
  category: string;
  status: string;
  dueKind: string | null;
  dueOn: string | null;
  deadlineState: string | null;
  overdue: boolean;
  extensionDays: number | null;
  closedOn: string | null;
  allowedActions: string[];
}
export interface Petition extends PetitionSummary {
  content: string;
  isHandler: boolean;
  decidedOn: string | null;
  notAcceptedReason: string | null;
  extensionReason: string | null;
  result: string | null;
  events: { kind: string; on: string; note: string | null; byName: string; at: string }[];
}

export const useVisits = (q: Query) =>
  useQuery({ queryKey: ['reception', 'visits', q], queryFn: () => api.get<{ items: Visit[]; total: number }>('/api/visits', q) });
export const usePetitions = (q: Query) =>
  useQuery({
    queryKey: ['reception', 'petitions', q],
    queryFn: () => api.get<{ items: PetitionSummary[]; total: number }>('/api/petitions', q),
  });
export const usePetition = (id: string) =>
  useQuery({ queryKey: ['reception', 'petition', id], queryFn: () => api.get<Petition>(`/api/petitions/${id}`) });

function useInvalidating<I, O>(fn: (input: I) => Promise<O>, silent = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reception'] }),
    ...(silent ? { meta: { silentError: true } } : {}),
  });
}
export const useCreateVisit = () => useInvalidating((b: Record<string, unknown>) => api.post<Visit>('/api/visits', b));
export const useRegisterPetition = () => useInvalidating((b: Record<string, unknown>) => api.post<Petition>('/api/petitions', b));
export const usePetitionStep = () =>
  useInvalidating(({ id, step, body }: { id: string; step: string; body: Record<string, unknown> }) =>
    api.post<Petition>(`/api/petitions/${id}/${step}`, body),
  );
export const useReveal = () =>
  useMutation({ mutationFn: (id: string) => api.post<{ petitioners: Petitioner[] }>(`/api/petitions/${id}/reveal`) });
