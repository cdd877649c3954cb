/** Meetings, minutes and follow-ups: queries and mutations over /api/meetings and /api/follow-ups. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../../lib/api.ts';

export interface AgendaItem {
  title: string;
  discussion: string;
  decisions: string[];
}
export interface MeetingSummary {
  id: string;
  orgId: string;
  kind: string;
  title: string;
  startsAt: string;
  place: string;
  hostName: string;
  recorderName: string;
  attendeeCount: number;
  decisionCount: number;
  status: 'draft' | 'finalised' | 'confirmed';
  amendmentCount: number;
}
export interface FollowUp {
  id: string;
  meetingId: string;
  meetingTitle: string | null;
  itemIndex: number;
  decisionIndex: number;
  decisionText: string;
  ownerName: string;
  ownerUnit: string | null;
  deadline: string;
  status: 'open' | 'closed';
  overdue: boolean;
  result: string | null;
  closedOn: string | null;
  progress?: { id: string; on: string; note: string; byName: string }[];
  allowedActions: string[];
}
export interface Meeting extends MeetingSummary {
  hostUserId: string;
  recorderUserId: string;
  attendees: string[];
  absentees: { name: string; reason: string }[];
  nonVoting: string[];
  items: AgendaItem[];
  finalisedAt: string | null;
  confirmedAt: string | null;
  amendments: { id: string; reason: string; amendedByName: string; amendedAt: string }[];
  followUps: FollowUp[];
  allowedActions: string[];
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const useMeetings = (q: Query) =>
  useQuery({ queryKey: ['meetings', 'list', q], queryFn: () => api.get<Page<MeetingSummary>>('/api/meetings', q) });
export const useMeeting = (id: string) =>
  useQuery({ queryKey: ['meetings', 'one', id], queryFn: () => api.get<Meeting>(`/api/meetings/${id}`) });
export const usePeople = () =>
  useQuery({
    queryKey: ['meetings', 'people'],
    queryFn: () => api.get<{ items: { id: string; displayName: string; role: string }[] }>('/api/people'),
  });
export const useFollowUps = (q: Query) =>
  useQuery({ queryKey: ['meetings', 'followUps', q], queryFn: () => api.get<Page<FollowUp>>('/api/follow-ups', q) });

function useInvalidating<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['meetings'] }) });
}
export const useCreateMeeting = () => useInvalidating((b: Record<string, unknown>) => api.post<Meeting>('/api/meetings', b));
export const useMeetingStep = () =>
  useInvalidating(({ id, step }: { id: string; step: 'finalise' | 'confirm' }) => api.post<Meeting>(`/api/meetings/${id}/${step}`));
export const useAmend = () =>
  useInvalidating(({ id, ...b }: { id: string; reason: string; nonVoting?: string[]; attendees?: string[] }) =>
    api.post<Meeting>(`/api/meetings/${id}/amendments`, b),
  );
export const useCreateFollowUp = () =>
  useInvalidating((b: { meetingId: string; itemIndex: number; decisionIndex: number; ownerName: string; deadline: string }) =>
    api.post<FollowUp>('/api/follow-ups', b),
  );
export const useCloseFollowUp = () =>
  useInvalidating(({ id, ...b }: { id: string; result: string; closedOn: string }) => api.post<FollowUp>(`/api/follow-ups/${id}/close`, b));
export const useFollowUpProgress = () =>
  useInvalidating(({ id, ...b }: { id: string; note: string; on: string }) => api.post<FollowUp>(`/api/follow-ups/${id}/progress`, b));
