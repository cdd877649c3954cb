/** Request and response shapes of the meetings module's API (会议记录, 督办); the web builds on these. */
import { z } from 'zod';
import { pageOf, safeString } from './common.ts';
import { registerQuerySchema } from './print.ts';
import { isoDaySchema } from './holidays.ts';
import { agendaItemSchema, FOLLOW_UP_STATUSES, MEETING_KINDS, MEETING_STATUSES } from './meetings.ts';

export {
  followUpCloseSchema,
  followUpCreateSchema,
  followUpProgressSchema,
  meetingAmendSchema,
  meetingCreateSchema,
  meetingUpdateSchema,
  summaryDraftSchema,
  type FollowUpCreate,
  type MeetingAmend,
  type MeetingCreate,
  type MeetingUpdate,
} from './meetings.ts';

const id = z.uuid();
const text = safeString();
const actions = z.array(text);

/** The minutes register (会议记录本): its filters, one page or the xlsx/pdf of the whole selection. */
export const meetingListQuerySchema = registerQuerySchema
  .extend({
    kind: z.enum(MEETING_KINDS).optional(),
    status: z.enum(MEETING_STATUSES).optional(),
    from: isoDaySchema.optional(),
    to: isoDaySchema.optional(),
    orgId: z.uuid().optional(),
    q: safeString().trim().max(40).optional(),
  })
  .strict();

/** The follow-up register (督办台账). */
export const followUpListQuerySchema = registerQuerySchema
  .extend({
    status: z.enum(FOLLOW_UP_STATUSES).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    meetingId: z.uuid().optional(),
    orgId: z.uuid().optional(),
  })
  .strict();

export const meetingSummaryOut = z.object({
  id,
  orgId: id,
  kind: z.enum(MEETING_KINDS),
  title: text,
  startsAt: text,
  place: text,
  hostName: text,
  recorderName: text,
  attendeeCount: z.number().int(),
  decisionCount: z.number().int(),
  status: z.enum(MEETING_STATUSES),
  amendmentCount: z.number().int(),
});
export type MeetingSummaryOut = z.infer<typeof meetingSummaryOut>;

export const followUpOut = z.object({
  id,
  orgId: id,
  meetingId: id,
  meetingTitle: text.nullable(),
  itemIndex: z.number().int(),
  decisionIndex: z.number().int(),
  decisionText: text,
  ownerName: text,
  ownerUnit: text.nullable(),
  deadline: text,
  status: z.enum(FOLLOW_UP_STATUSES),
  overdue: z.boolean(),
  result: text.nullable(),
  closedOn: text.nullable(),
  progress: z.array(z.object({ id, on: text, note: text, byName: text })).optional(),
  allowedActions: actions,
});
export type FollowUpOut = z.infer<typeof followUpOut>;

export const meetingOut = meetingSummaryOut.extend({
  hostUserId: id,
  recorderUserId: id,
  attendees: z.array(text),
  absentees: z.array(z.object({ name: text, reason: text })),
  nonVoting: z.array(text),
  attendingOrgIds: z.array(id),
  items: z.array(agendaItemSchema),
  finalisedAt: text.nullable(),
  confirmedAt: text.nullable(),
  amendments: z.array(
    z.object({
      id,
      reason: text,
      before: z.unknown(),
      after: z.unknown(),
      amendedByName: text,
      amendedAt: text,
    }),
  ),
  followUps: z.array(followUpOut),
  allowedActions: actions,
});
export type MeetingOut = z.infer<typeof meetingOut>;

export const meetingPage = pageOf(meetingSummaryOut);
export const followUpPage = pageOf(followUpOut);

/** The 纪要 drafted from the minutes (or the report from a duty incident), in the documents module. */
export const draftedDocumentOut = z.object({ documentId: id, docType: text, title: text });

export const overdueFollowUpsByOrgOut = z.object({ items: z.array(z.object({ orgId: id, overdue: z.number().int() })) });
export const exchangeMeetingsOut = z.object({ items: z.array(z.object({ meetingId: id, date: text, townshipOrgIds: z.array(id) })) });
