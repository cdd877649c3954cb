/**
 * The record-level rules of duty (值班): swap requests, handovers and log entries. Written once: the
 * services call `authorize`, the presenters send `allowedActions`. Each rule starts with the role
 * and the org (changes happen in the record's own org only; another org's record answers 404).
 */
import { CommonErrors } from '@township-office/domain/errors';
import { DutyErrors } from '@township-office/domain/duty.errors';
import { logEntryReportable } from '@township-office/domain/duty';
import { roleMay, type Action } from '@township-office/domain/permissions';
import type { Actor } from '../../platform/context.ts';
import { allow, allowIf, definePolicy, deny, firstDenial, type Decision } from '../../platform/policy.ts';
import type { DutyLogRow, HandoverRow, SwapRow } from './duty.tables.ts';

const own = (actor: Actor, orgId: string, action: Action): Decision =>
  !roleMay(actor.role, action) ? deny(CommonErrors.FORBIDDEN_ROLE) : actor.orgId !== orgId ? deny(CommonErrors.NOT_FOUND) : allow;

/** A swap request is decided once, by a leader of its own org. */
const decide = (a: Actor, s: SwapRow) =>
  firstDenial(
    () => own(a, s.orgId, 'duty.approveSwap'),
    () => allowIf(s.status === 'requested', DutyErrors.SWAP_DECIDED),
  );
export const swapPolicy = definePolicy<SwapRow>()({ approve: decide, reject: decide });

/** Which side of the handover the actor is, if either. */
export const handoverSide = (a: Actor, h: HandoverRow): 'outgoing' | 'incoming' | null =>
  a.userId === h.outgoingUserId ? 'outgoing' : a.userId === h.incomingUserId ? 'incoming' : null;

/** Each party confirms once, in person. */
export const handoverPolicy = definePolicy<HandoverRow>()({
  confirm: (a, h) => {
    const side = handoverSide(a, h);
    return firstDenial(
      () => own(a, h.orgId, 'duty.keep'),
      () => allowIf(side !== null, DutyErrors.HANDOVER_NOT_PARTY),
      () => allowIf((side === 'outgoing' ? h.outgoingConfirmedAt : h.incomingConfirmedAt) === null, DutyErrors.HANDOVER_ALREADY_CONFIRMED),
    );
  },
});

export const dutyLogPolicy = definePolicy<DutyLogRow>()({
  report: (a, e) =>
    firstDenial(
      () => own(a, e.orgId, 'duty.keep'),
      () => allowIf(logEntryReportable(e), DutyErrors.LOG_NOT_INCIDENT),
      () => allowIf(!e.reportUpward, DutyErrors.LOG_ALREADY_REPORTED),
    ),
  draftReport: (a, e) =>
    firstDenial(
      () => own(a, e.orgId, 'duty.keep'),
      () => own(a, e.orgId, 'documents.draft'),
      () => allowIf(logEntryReportable(e), DutyErrors.LOG_NOT_INCIDENT),
    ),
});
