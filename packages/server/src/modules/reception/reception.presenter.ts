import { deadlineState } from '@township-office/domain/deadlines';
import type { HolidayCalendar } from '@township-office/domain/holidays';
import {
  acceptBy,
  maskIdNumber,
  maskPhone,
  objectionBy,
  rereviewAnswerBy,
  reviewRequestBy,
  type Petitioner,
} from '@township-office/domain/petitions';
import { petitionDates } from './petitions.service.ts';
import type { Actor } from '../../platform/context.ts';
import { allowedActions } from '../../platform/policy.ts';
import { petitionPolicy, seesPetitionerIdentity, visitPolicy } from './reception.policy.ts';
import type { PetitionEventRow, PetitionRow, VisitRow } from './reception.tables.ts';

export function presentVisit(actor: Actor, v: VisitRow) {
  return {
    id: v.id,
    orgId: v.orgId,
    visitDate: v.visitDate,
    visitingUnit: v.visitingUnit,
    visitorNames: v.visitorNames,
    visitorCount: v.visitorCount,
    purpose: v.purpose,
    letterRef: v.letterRef,
    hostName: v.hostName,
    arrangements: v.arrangements,
    costItems: v.costItems,
    totalCost: v.totalCost,
    void: v.voidedAt !== null,
    voidReason: v.voidReason,
    allowedActions: allowedActions(visitPolicy, actor, v),
  };
}

export const petitionSerial = (p: Pick<PetitionRow, 'year' | 'seq'>) => `${p.year}-${String(p.seq).padStart(4, '0')}`;

/** 张** : the surname only, with a fixed number of stars so the name's length is not told either. */
export const maskName = (name: string) => `${Array.from(name)[0] ?? ''}**`;

export function maskPetitioners(list: Petitioner[]) {
  return list.map((x) => ({ name: x.name, idNumber: maskIdNumber(x.idNumber), phone: maskPhone(x.phone), address: x.address ?? null }));
}

/** The petitioners as this actor may see them (reception.policy.ts): ID and phone always masked here. */
export function petitionersFor(actor: Actor, p: Pick<PetitionRow, 'orgId' | 'petitioners'>) {
  const masked = maskPetitioners(p.petitioners);
  if (seesPetitionerIdentity(actor, p)) return masked;
  return masked.map((x) => ({ ...x, name: maskName(x.name), address: null }));
}

/** Lists and exports: ID numbers and phones masked, whoever asks; names and addresses per the policy. */
export function presentPetitionSummary(actor: Actor, p: PetitionRow, today: string) {
  return {
    id: p.id,
    orgId: p.orgId,
    serial: petitionSerial(p),
    receivedOn: p.receivedOn,
    channel: p.channel,
    petitioners: petitionersFor(actor, p),
    subject: p.subject,
    category: p.category,
    source: p.source,
    status: p.status,
    noticeLate: p.noticeLate,
    dueKind: p.dueKind,
    dueOn: p.dueOn,
    deadlineState: p.dueOn ? deadlineState(p.dueOn, today) : null,
    overdue: !!p.dueOn && p.dueOn < today,
    extensionDays: p.extensionDays,
    closedOn: p.closedOn,
    allowedActions: allowedActions(petitionPolicy, actor, p),
  };
}

/** The case with its statutory dates, computed with the county's holiday calendar (民法典 第二百零三条). */
export function presentPetition(actor: Actor, p: PetitionRow, events: PetitionEventRow[], today: string, cal?: HolidayCalendar) {
  const d = petitionDates(p);
  return {
    ...presentPetitionSummary(actor, p, today),
    content: p.content,
    transferredBy: p.transferredBy,
    newFacts: p.newFacts,
    noticeDueOn: acceptBy(p, cal),
    objectionDueOn: p.source === 'direct' ? null : objectionBy(p, cal),
    objectedOn: p.objectedOn,
    objectionReason: p.objectionReason,
    objectionDecidedOn: p.objectionDecidedOn,
    objectionAgreed: p.objectionAgreed,
    reviewRequestDueOn: reviewRequestBy(d, 'review', cal),
    rereviewRequestDueOn: reviewRequestBy(d, 'rereview', cal),
    rereviewAnswerDueOn: rereviewAnswerBy(d, cal),
    rereviewHearingDays: p.rereviewHearingDays,
    reviewAnswerNotifiedOn: p.reviewAnswerNotifiedOn,
    rereviewAnswerNotifiedOn: p.rereviewAnswerNotifiedOn,
    isHandler: p.handlerUserIds.includes(actor.userId),
    previousPetitionId: p.previousPetitionId,
    decidedOn: p.decidedOn,
    notifiedOn: p.notifiedOn,
    notAcceptedReason: p.notAcceptedReason,
    extensionReason: p.extensionReason,
    extensionApprovedBy: p.extensionApprovedBy,
    extensionApprovedOn: p.extensionApprovedOn,
    extensionNotifiedOn: p.extensionNotifiedOn,
    result: p.result,
    answerNotifiedOn: p.answerNotifiedOn,
    reviewRequestedOn: p.reviewRequestedOn,
    reviewOrgan: p.reviewOrgan,
    reviewAnsweredOn: p.reviewAnsweredOn,
    reviewResult: p.reviewResult,
    rereviewRequestedOn: p.rereviewRequestedOn,
    rereviewOrgan: p.rereviewOrgan,
    rereviewAnsweredOn: p.rereviewAnsweredOn,
    rereviewResult: p.rereviewResult,
    events: events.map((e) => ({ kind: e.kind, on: e.onDay, note: e.note, byName: e.byName, at: e.createdAt.toISOString() })),
  };
}
