import { followUpOverdue, type AgendaItem } from '@township-office/domain/meetings';
import type { Actor } from '../../platform/context.ts';
import { allowedActions } from '../../platform/policy.ts';
import { followUpPolicy, meetingPolicy } from './meetings.policy.ts';
import type { FollowUpProgressRow, FollowUpRow, MeetingAmendmentRow, MeetingRow } from './meetings.tables.ts';

export function presentMeetingSummary(m: MeetingRow) {
  return {
    id: m.id,
    orgId: m.orgId,
    kind: m.kind,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    place: m.place,
    hostName: m.hostName,
    recorderName: m.recorderName,
    attendeeCount: m.attendees.length,
    decisionCount: m.items.reduce((n: number, i: AgendaItem) => n + i.decisions.length, 0),
    status: m.status,
    amendmentCount: m.amendmentCount,
  };
}

export function presentMeeting(actor: Actor, m: MeetingRow, amendments: MeetingAmendmentRow[], followUps: FollowUpRow[], today: string) {
  return {
    ...presentMeetingSummary(m),
    hostUserId: m.hostUserId,
    recorderUserId: m.recorderUserId,
    attendees: m.attendees,
    absentees: m.absentees,
    nonVoting: m.nonVoting,
    attendingOrgIds: m.attendingOrgIds,
    items: m.items,
    finalisedAt: m.finalisedAt?.toISOString() ?? null,
    confirmedAt: m.confirmedAt?.toISOString() ?? null,
    amendments: amendments.map((a) => ({
      id: a.id,
      reason: a.reason,
      before: a.before,
      after: a.after,
      amendedByName: a.amendedByName,
      amendedAt: a.amendedAt.toISOString(),
    })),
    followUps: followUps.map((f) => presentFollowUp(actor, f, today)),
    allowedActions: allowedActions(meetingPolicy, actor, m),
  };
}

export function presentFollowUp(
  actor: Actor,
  f: FollowUpRow,
  today: string,
  extra: { meetingTitle?: string; progress?: FollowUpProgressRow[] } = {},
) {
  return {
    id: f.id,
    orgId: f.orgId,
    meetingId: f.meetingId,
    meetingTitle: extra.meetingTitle ?? null,
    itemIndex: f.itemIndex,
    decisionIndex: f.decisionIndex,
    decisionText: f.decisionText,
    ownerName: f.ownerName,
    ownerUnit: f.ownerUnit,
    deadline: f.deadline,
    status: f.status,
    overdue: followUpOverdue(f, today),
    result: f.result,
    closedOn: f.closedOn,
    ...(extra.progress ? { progress: extra.progress.map((p) => ({ id: p.id, on: p.onDay, note: p.note, byName: p.byName })) } : {}),
    allowedActions: allowedActions(followUpPolicy, actor, f),
  };
}
