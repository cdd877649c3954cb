import { deadlineState } from '@township-office/domain/deadlines';
import { maskIdNumber, maskPhone, type Petitioner } from '@township-office/domain/petitions';
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
    status: p.status,
    dueKind: p.dueKind,
    dueOn: p.dueOn,
    deadlineState: p.dueOn ? deadlineState(p.dueOn, today) : null,
    overdue: !!p.dueOn && p.dueOn < today,
    extensionDays: p.extensionDays,
    closedOn: p.closedOn,
    allowedActions: allowedActions(petitionPolicy, actor, p),
  };
}

export function presentPetition(actor: Actor, p: PetitionRow, events: PetitionEventRow[], today: string) {
  return {
    ...presentPetitionSummary(actor, p, today),
    content: p.content,
    dayCount: p.dayCount,
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
