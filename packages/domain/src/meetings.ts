import { z } from 'zod';
import { safeString } from './common.ts';
import { isoDaySchema } from './holidays.ts';

/** Meeting minutes (会议记录本) and follow-up of their decisions (督办). */
export const MEETING_KINDS = ['party_committee', 'executive', 'topical', 'exchange', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  party_committee: '党委会',
  executive: '政府常务会/办公会',
  topical: '专题会',
  exchange: '业务交流会',
  other: '其他会议',
};

/** draft → finalised (by the recorder) → confirmed (by the host); after finalising, only amendments. */
export const MEETING_STATUSES = ['draft', 'finalised', 'confirmed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = { draft: '记录中', finalised: '待主持人确认', confirmed: '已确认' };

/** Whether minutes in this status are still being written (edited, finalised) or are on record (amended, followed up, summarised). */
export const meetingIsDraft = (status: MeetingStatus) => status === 'draft';
/** The host confirms finalised minutes, once. */
export const meetingAwaitsConfirmation = (status: MeetingStatus) => status === 'finalised';

const text = (max: number) => safeString().trim().min(1).max(max);
const name = text(40);

export const agendaItemSchema = z
  .object({
    title: text(200),
    discussion: safeString().trim().max(10_000).default(''),
    decisions: z.array(text(2000)).max(30).default([]),
  })
  .strict();
export type AgendaItem = z.infer<typeof agendaItemSchema>;

const meetingFields = {
  kind: z.enum(MEETING_KINDS),
  title: text(200),
  startsAt: z.iso.datetime({ offset: true }),
  place: text(100),
  hostUserId: z.uuid(),
  recorderUserId: z.uuid(),
  attendees: z.array(name).max(200).default([]),
  absentees: z
    .array(z.object({ name, reason: text(200) }).strict())
    .max(100)
    .default([]),
  nonVoting: z.array(name).max(100).default([]),
  /** For the county's 业务交流会: the townships that attended. */
  attendingOrgIds: z.array(z.uuid()).max(500).default([]),
  items: z.array(agendaItemSchema).max(50).default([]),
};

export const meetingCreateSchema = z.object(meetingFields).strict();
export type MeetingCreate = z.infer<typeof meetingCreateSchema>;

export const meetingUpdateSchema = z
  .object({
    kind: meetingFields.kind.optional(),
    title: meetingFields.title.optional(),
    startsAt: meetingFields.startsAt.optional(),
    place: meetingFields.place.optional(),
    hostUserId: meetingFields.hostUserId.optional(),
    recorderUserId: meetingFields.recorderUserId.optional(),
    attendees: z.array(name).max(200).optional(),
    absentees: z
      .array(z.object({ name, reason: text(200) }).strict())
      .max(100)
      .optional(),
    nonVoting: z.array(name).max(100).optional(),
    attendingOrgIds: z.array(z.uuid()).max(500).optional(),
    items: z.array(agendaItemSchema).max(50).optional(),
  })
  .strict();
export type MeetingUpdate = z.infer<typeof meetingUpdateSchema>;

/** A correction to finalised minutes: the changed content and why. */
export const meetingAmendSchema = z
  .object({
    reason: text(500),
    attendees: z.array(name).max(200).optional(),
    absentees: z
      .array(z.object({ name, reason: text(200) }).strict())
      .max(100)
      .optional(),
    nonVoting: z.array(name).max(100).optional(),
    items: z.array(agendaItemSchema).max(50).optional(),
  })
  .strict()
  .refine((a) => a.attendees || a.absentees || a.nonVoting || a.items, {
    message: '更正至少须修改一项内容 / an amendment changes at least one field',
  });
export type MeetingAmend = z.infer<typeof meetingAmendSchema>;

export const FOLLOW_UP_STATUSES = ['open', 'closed'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const followUpCreateSchema = z
  .object({
    /** The decision it follows up: its agenda item and position in that item's decisions (0-based). */
    meetingId: z.uuid(),
    itemIndex: z.number().int().min(0).max(49),
    decisionIndex: z.number().int().min(0).max(29),
    ownerName: name,
    ownerUnit: safeString().trim().max(100).optional(),
    deadline: isoDaySchema,
  })
  .strict();
export type FollowUpCreate = z.infer<typeof followUpCreateSchema>;

export const followUpProgressSchema = z.object({ note: text(2000), on: isoDaySchema }).strict();
export const followUpCloseSchema = z.object({ result: text(2000), closedOn: isoDaySchema }).strict();
/** Progress is recorded and the item closed only while it is open. */
export const followUpIsOpen = (status: FollowUpStatus) => status === 'open';

/** Overdue: still open after its deadline day. */
export function followUpOverdue(f: { status: FollowUpStatus; deadline: string }, today: string): boolean {
  return f.status === 'open' && f.deadline < today;
}

/** Drafting a 纪要 from finalised minutes: who it goes to. */
export const summaryDraftSchema = z.object({ mainRecipientOrgIds: z.array(z.uuid()).min(1).max(100) }).strict();
