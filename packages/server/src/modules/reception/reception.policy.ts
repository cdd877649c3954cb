/**
 * The record-level rules of reception (来客接待) and letters and visits (信访), written once: the
 * services call `authorize`, the presenters send `allowedActions`.
 *
 * Who sees which personal data of a petitioner (信访人). One rule, used by the search (SQL), the
 * presenter (lists, detail, exports) and the reveal:
 * - name and address: the handling office (the petition's own org) and the county's petition staff;
 *   everyone else county-wide sees a masked name and no address;
 * - full ID number and phone: only the case's handlers, one audited reveal at a time.
 */
import { CommonErrors } from '@township-office/domain/errors';
import { PETITION_NEXT_STEPS, PETITION_STATUS_LABELS, petitionIsFinal, type PetitionStep } from '@township-office/domain/petitions';
import { ReceptionErrors } from '@township-office/domain/reception.errors';
import { roleMay, type Action } from '@township-office/domain/permissions';
import type { Actor } from '../../platform/context.ts';
import { allow, allowIf, definePolicy, deny, firstDenial, type Decision } from '../../platform/policy.ts';
import type { PetitionRow, VisitRow } from './reception.tables.ts';

/**
 * The county's petition staff: county office staff (县委办工作人员) who may handle petitions. The county
 * administrator supervises the townships' standing but is not a petition worker, so sees masked names.
 */
export function isCountyPetitionStaff(actor: Actor): boolean {
  return actor.role === 'county_staff' && roleMay(actor.role, 'petitions.handle');
}

/** Whether the actor sees the petitioners' names and addresses of this case. */
export function seesPetitionerIdentity(actor: Actor, p: Pick<PetitionRow, 'orgId'>): boolean {
  return p.orgId === actor.orgId || isCountyPetitionStaff(actor);
}

/** Whether the actor may see this case's full ID numbers and phones (through the audited reveal). */
export function mayRevealPetitioners(actor: Actor, p: Pick<PetitionRow, 'handlerUserIds'>): boolean {
  return roleMay(actor.role, 'petitions.handle') && p.handlerUserIds.includes(actor.userId);
}

/** The role may take the action, on a record of the actor's own org (another org's record answers 404). */
const own = (actor: Actor, orgId: string, action: Action): Decision =>
  !roleMay(actor.role, action) ? deny(CommonErrors.FORBIDDEN_ROLE) : actor.orgId !== orgId ? deny(CommonErrors.NOT_FOUND) : allow;

const keepVisit = (a: Actor, v: VisitRow) =>
  firstDenial(
    () => own(a, v.orgId, 'reception.keep'),
    () => allowIf(v.voidedAt === null, ReceptionErrors.VISIT_VOID),
  );

/** A visit is corrected or voided by its own office until it is voided. */
export const visitPolicy = definePolicy<VisitRow>()({ edit: keepVisit, void: keepVisit });

/** One step of the case: by its own office, in a status that allows it (PETITION_NEXT_STEPS). */
const caseStep =
  (step: PetitionStep) =>
  (a: Actor, p: PetitionRow): Decision =>
    firstDenial(
      () => own(a, p.orgId, 'petitions.handle'),
      () =>
        PETITION_NEXT_STEPS[p.status].includes(step)
          ? allow
          : petitionIsFinal(p.status)
            ? deny(ReceptionErrors.PETITION_FINAL)
            : deny(ReceptionErrors.PETITION_WRONG_STATE, { status: PETITION_STATUS_LABELS[p.status] }),
    );

export const petitionPolicy = definePolicy<PetitionRow>()({
  accept: caseStep('accept'),
  reject: caseStep('reject'),
  // Only a transferred or assigned case can be objected to (第二十三条第三款).
  object: (a, p) =>
    firstDenial(
      () => caseStep('object')(a, p),
      () => allowIf(p.source !== 'direct', ReceptionErrors.PETITION_OBJECTION_DIRECT),
    ),
  objectionResult: caseStep('objectionResult'),
  // One extension per case (第三十四条).
  extend: (a, p) =>
    firstDenial(
      () => caseStep('extend')(a, p),
      () => allowIf(!p.extensionDays, ReceptionErrors.PETITION_ALREADY_EXTENDED),
    ),
  close: caseStep('close'),
  reviewRequest: caseStep('reviewRequest'),
  reviewAnswer: caseStep('reviewAnswer'),
  rereviewRequest: caseStep('rereviewRequest'),
  hearing: caseStep('hearing'),
  rereviewAnswer: caseStep('rereviewAnswer'),
  reveal: (a, p) =>
    firstDenial(
      () => allowIf(roleMay(a.role, 'petitions.handle'), CommonErrors.FORBIDDEN_ROLE),
      () => allowIf(mayRevealPetitioners(a, p), ReceptionErrors.PETITION_NOT_HANDLER),
    ),
});
