/** Meetings, minutes and follow-ups: queries and mutations over /api/meetings and /api/follow-ups. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { agendaItemSchema } from '@township-office/domain/meetings';
import type {
  followUpCloseSchema,
  followUpCreateSchema,
  followUpOut,
  followUpProgressSchema,
  meetingAmendSchema,
  meetingCreateSchema,
  meetingOut,
  meetingSummaryOut,
} from '@township-office/domain/meetings.api';
import { api, type Query } from '../../../lib/api.ts';
import { useInvalidatingMutation, type Page } from '../../../lib/query.ts';

/** The API's shapes, from the domain's zod schemas (types only: nothing of zod ships). */
export type AgendaItem = z.infer<typeof agendaItemSchema>;
export type MeetingSummary = z.infer<typeof meetingSummaryOut>;
export type FollowUp = z.infer<typeof followUpOut>;
export type Meeting = z.infer<typeof meetingOut>;
type MeetingCreateBody = z.input<typeof meetingCreateSchema>;
type MeetingAmendBody = z.input<typeof meetingAmendSchema>;
type FollowUpCreateBody = z.input<typeof followUpCreateSchema>;
type FollowUpCloseBody = z.input<typeof followUpCloseSchema>;
type FollowUpProgressBody = z.input<typeof followUpProgressSchema>;

export const useMeetings = (q: Query) =>
  useQuery({ queryKey: ['meetings', 'list', q], queryFn: () => api.get<Page<MeetingSummary>>('/api/meetings', q) });
export const useMeeting = (id: string) =>
  useQuery({ queryKey: ['meetings', 'one', id], queryFn: () => api.get<Meeting>(`/api/meetings/${id}`) });
export const useFollowUps = (q: Query) =>
  useQuery({ queryKey: ['meetings', 'followUps', q], queryFn: () => api.get<Page<FollowUp>>('/api/follow-ups', q) });

const useInvalidating = <I, O>(fn: (input: I) => Promise<O>) => useInvalidatingMutation('meetings', fn);
export const useCreateMeeting = () => useInvalidating((b: MeetingCreateBody) => api.post<Meeting>('/api/meetings', b));
export const useMeetingStep = () =>
  useInvalidating(({ id, step }: { id: string; step: 'finalise' | 'confirm' }) => api.post<Meeting>(`/api/meetings/${id}/${step}`));
export const useAmend = () =>
  useInvalidating(({ id, ...b }: { id: string } & MeetingAmendBody) => api.post<Meeting>(`/api/meetings/${id}/amendments`, b));
export const useCreateFollowUp = () => useInvalidating((b: FollowUpCreateBody) => api.post<FollowUp>('/api/follow-ups', b));
export const useCloseFollowUp = () =>
  useInvalidating(({ id, ...b }: { id: string } & FollowUpCloseBody) => api.post<FollowUp>(`/api/follow-ups/${id}/close`, b));
export const useFollowUpProgress = () =>
  useInvalidating(({ id, ...b }: { id: string } & FollowUpProgressBody) => api.post<FollowUp>(`/api/follow-ups/${id}/progress`, b));
