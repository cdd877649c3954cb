/**
 * What may be done with one meeting's minutes and one follow-up item (督办), written once: the
 * service calls `authorize` and the presenter sends `allowedActions`, so the buttons and the guard agree.
 * Each rule starts with the role and the org (changes happen in the record's own org only; another
 * org's record answers 404, as the services always did), then the state and the person.
 */
import { CommonErrors } from '@township-office/domain/errors';
import { MeetingErrors } from '@township-office/domain/meetings.errors';
import { followUpIsOpen, meetingAwaitsConfirmation, meetingIsDraft } from '@township-office/domain/meetings';
import { roleMay, type Action } from '@township-office/domain/permissions';
import type { Actor } from '../../platform/context.ts';
import { allowIf, definePolicy, deny, firstDenial, allow, type Decision } from '../../platform/policy.ts';
import type { FollowUpRow, MeetingRow } from './meetings.tables.ts';

/** The role may take the action, on a record of the actor's own org. */
const own = (actor: Actor, orgId: string, action: Action): Decision =>
  !roleMay(actor.role, action) ? deny(CommonErrors.FORBIDDEN_ROLE) : actor.orgId !== orgId ? deny(CommonErrors.NOT_FOUND) : allow;

export const meetingPolicy = definePolicy<MeetingRow>()({
  edit: (a, m) =>
    firstDenial(
      () => own(a, m.orgId, 'meetings.record'),
      () => allowIf(meetingIsDraft(m.status), MeetingErrors.MEETING_NOT_DRAFT),
    ),
  finalise: (a, m) =>
    firstDenial(
      () => own(a, m.orgId, 'meetings.record'),
      () => allowIf(meetingIsDraft(m.status), MeetingErrors.MEETING_NOT_DRAFT),
      () => allowIf(a.userId === m.recorderUserId, MeetingErrors.MEETING_NOT_RECORDER),
      () => allowIf(m.items.length > 0, MeetingErrors.MEETING_EMPTY),
    ),
  confirm: (a, m) =>
    firstDenial(
      () => own(a, m.orgId, 'meetings.record'),
      () => allowIf(m.status !== 'confirmed', MeetingErrors.MEETING_ALREADY_CONFIRMED),
      () => allowIf(meetingAwaitsConfirmation(m.status), MeetingErrors.MEETING_NOT_FINALISED),
      () => allowIf(a.userId === m.hostUserId, MeetingErrors.MEETING_NOT_HOST),
    ),
  amend: (a, m) =>
    firstDenial(
      () => own(a, m.orgId, 'meetings.record'),
      () => allowIf(!meetingIsDraft(m.status), MeetingErrors.MEETING_AMEND_NOT_ALLOWED),
      () => allowIf(a.userId === m.recorderUserId || a.userId === m.hostUserId, MeetingErrors.MEETING_AMEND_ROLE),
    ),
  followUp: (a, m) =>
    firstDenial(
      () => own(a, m.orgId, 'followUps.manage'),
      () => allowIf(!meetingIsDraft(m.status), MeetingErrors.FOLLOW_UP_NEEDS_FINAL),
    ),
  draftSummary: (a, m) =>
    firstDenial(
      () => own(a, m.orgId, 'meetings.record'),
      () => own(a, m.orgId, 'documents.draft'),
      () => allowIf(!meetingIsDraft(m.status), MeetingErrors.SUMMARY_NEEDS_FINAL),
    ),
});

export const followUpPolicy = definePolicy<FollowUpRow>()({
  progress: (a, f) =>
    firstDenial(
      () => own(a, f.orgId, 'followUps.manage'),
      () => allowIf(followUpIsOpen(f.status), MeetingErrors.FOLLOW_UP_CLOSED),
    ),
  close: (a, f) =>
    firstDenial(
      () => own(a, f.orgId, 'followUps.manage'),
      () => allowIf(followUpIsOpen(f.status), MeetingErrors.FOLLOW_UP_CLOSED),
    ),
});
