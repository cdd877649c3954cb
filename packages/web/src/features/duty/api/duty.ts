/** Duty over /api/duty and /api/calendar: roster, swaps, holiday rosters, log, incident reports, handovers; the types are the domain's response schemas. */
import { useQuery } from '@tanstack/react-query';
import type { DutyLogEntryOut, HandoverOut, HolidayOut, IncidentReportOut, RosterDayOut, SwapOut } from '@township-office/domain/duty.api';
import { api, type Query } from '../../../lib/api.ts';
import { keys, useInvalidatingMutation, type Page } from '../../../lib/query.ts';

export type RosterDay = RosterDayOut;
export type LogEntry = DutyLogEntryOut;
export type Handover = HandoverOut;
export type Swap = SwapOut;
export type Holiday = HolidayOut;
export type IncidentReport = IncidentReportOut;

export const useRoster = (q: Query) =>
  useQuery({ queryKey: keys.list('duty', 'roster', q), queryFn: () => api.get<{ items: RosterDay[] }>('/api/duty/roster', q) });
export const useDutyLog = (q: Query) =>
  useQuery({ queryKey: keys.list('duty', 'log', q), queryFn: () => api.get<Page<LogEntry>>('/api/duty/log', q) });
export const useHandovers = (q: Query) =>
  useQuery({ queryKey: keys.list('duty', 'handovers', q), queryFn: () => api.get<{ items: Handover[] }>('/api/duty/handovers', q) });
export const useSwaps = (q: Query) =>
  useQuery({ queryKey: keys.list('duty', 'swaps', q), queryFn: () => api.get<{ items: Swap[] }>('/api/duty/swaps', q) });
export const useHolidays = (year: number) =>
  useQuery({
    queryKey: keys.list('duty', 'holidays', { year }),
    queryFn: () => api.get<{ items: Holiday[] }>('/api/calendar/holidays', { year }),
  });
export const useIncidentReports = () =>
  useQuery({ queryKey: keys.list('duty', 'incidents'), queryFn: () => api.get<{ items: IncidentReport[] }>('/api/duty/incident-reports') });

export const useGenerateRoster = () =>
  useInvalidatingMutation('duty', (b: Record<string, unknown>) => api.post('/api/duty/roster/generate', b));
export const useSetRosterDay = () =>
  useInvalidatingMutation('duty', ({ day, ...b }: { day: string; leaderName: string; staffNames: string[] }) =>
    api.put(`/api/duty/roster/${day}`, b),
  );
export const useAddLog = () => useInvalidatingMutation('duty', (b: Record<string, unknown>) => api.post<LogEntry>('/api/duty/log', b));
export const useReportUpward = () => useInvalidatingMutation('duty', (id: string) => api.post<LogEntry>(`/api/duty/log/${id}/report`));
export const useCreateHandover = () =>
  useInvalidatingMutation('duty', (b: Record<string, unknown>) => api.post<Handover>('/api/duty/handovers', b));
export const useConfirmHandover = () =>
  useInvalidatingMutation('duty', (id: string) => api.post<Handover>(`/api/duty/handovers/${id}/confirm`));
export const useRequestSwap = () =>
  useInvalidatingMutation('duty', (b: { day: string; role: 'leader' | 'staff'; fromName: string; toName: string; reason: string }) =>
    api.post<Swap>('/api/duty/swaps', b),
  );
export const useDecideSwap = () =>
  useInvalidatingMutation('duty', ({ id, verb }: { id: string; verb: 'approve' | 'reject' }) =>
    api.post<Swap>(`/api/duty/swaps/${id}/${verb}`),
  );
export const useSubmitHolidayRoster = () =>
  useInvalidatingMutation('duty', ({ id, note }: { id: string; note?: string }) =>
    api.post<{ id: string; submittedOn: string; late: boolean }>(`/api/duty/holidays/${id}/submit`, note ? { note } : {}),
  );
