/** Duty: roster, log, handovers over /api/duty. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../../lib/api.ts';

export interface RosterDay {
  id: string;
  day: string;
  leaderName: string;
  staffNames: string[];
  source: string;
  note: string | null;
}
export interface LogEntry {
  id: string;
  day: string;
  at: string;
  kind: string;
  callerUnit: string | null;
  callerName: string | null;
  callerPhone: string | null;
  content: string;
  handling: string | null;
  result: string | null;
  reportUpward: boolean;
  recordedByName: string;
}
export interface Handover {
  id: string;
  day: string;
  outgoingName: string;
  incomingName: string;
  outstanding: string;
  outgoingConfirmedAt: string | null;
  incomingConfirmedAt: string | null;
  complete: boolean;
  allowedActions: string[];
}

export const useRoster = (q: Query) =>
  useQuery({ queryKey: ['duty', 'roster', q], queryFn: () => api.get<{ items: RosterDay[] }>('/api/duty/roster', q) });
export const useDutyLog = (q: Query) =>
  useQuery({ queryKey: ['duty', 'log', q], queryFn: () => api.get<{ items: LogEntry[]; total: number }>('/api/duty/log', q) });
export const useHandovers = (q: Query) =>
  useQuery({ queryKey: ['duty', 'handovers', q], queryFn: () => api.get<{ items: Handover[] }>('/api/duty/handovers', q) });
export const useDutyPeople = () =>
  useQuery({ queryKey: ['duty', 'people'], queryFn: () => api.get<{ items: { id: string; displayName: string }[] }>('/api/people') });

function useInvalidating<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['duty'] }) });
}
export const useGenerateRoster = () => useInvalidating((b: Record<string, unknown>) => api.post('/api/duty/roster/generate', b));
export const useSetRosterDay = () =>
  useInvalidating(({ day, ...b }: { day: string; leaderName: string; staffNames: string[] }) => api.put(`/api/duty/roster/${day}`, b));
export const useAddLog = () => useInvalidating((b: Record<string, unknown>) => api.post<LogEntry>('/api/duty/log', b));
export const useCreateHandover = () => useInvalidating((b: Record<string, unknown>) => api.post<Handover>('/api/duty/handovers', b));
export const useConfirmHandover = () => useInvalidating((id: string) => api.post<Handover>(`/api/duty/handovers/${id}/confirm`));
