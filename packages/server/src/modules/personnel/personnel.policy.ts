import { CommonErrors } from '@township-office/domain/errors';
import { roleMay } from '@township-office/domain/permissions';
import { PersonnelErrors } from '@township-office/domain/personnel.errors';
import { canReadOrg } from '../../platform/access.ts';
import type { Actor } from '../../platform/context.ts';
import { allowIf, definePolicy, firstDenial, type Decision } from '../../platform/policy.ts';
import type { FilingRow, StaffRow } from './personnel.tables.ts';

/**
 * Who may see a staff member's full ID number (one audited reveal at a time, or in an export):
 * the roles that manage personnel filing — the township's own office staff, who file, and the
 * county office, which acknowledges. Everyone else who reads the records sees it masked.
 */
export function mayRevealStaffIdNumber(actor: Actor, orgId: string): boolean {
  if (roleMay(actor.role, 'personnel.file') && actor.orgId === orgId) return true;
  return roleMay(actor.role, 'personnel.acknowledge') && canReadOrg(actor, orgId);
}

/** Another township's record answers like one that does not exist; then the reveal rule above. */
const reveal = (actor: Actor, orgId: string): Decision =>
  firstDenial(
    () => allowIf(canReadOrg(actor, orgId), CommonErrors.NOT_FOUND),
    () => allowIf(mayRevealStaffIdNumber(actor, orgId), CommonErrors.FORBIDDEN_ROLE),
  );

/** The county office acknowledges or returns a submitted filing of a township it reads. */
const decide = (actor: Actor, f: FilingRow): Decision =>
  firstDenial(
    () => allowIf(roleMay(actor.role, 'personnel.acknowledge'), CommonErrors.FORBIDDEN_ROLE),
    () => allowIf(canReadOrg(actor, f.orgId), CommonErrors.NOT_FOUND),
    () => allowIf(f.state === 'submitted', PersonnelErrors.FILING_NOT_SUBMITTED, { state: f.state }),
  );

/** A filing: decided by the county; its ID number (joins and changes of particulars) revealed under the rule above. */
export const filingPolicy = definePolicy<FilingRow>()({
  acknowledge: decide,
  return: decide,
  revealIdNumber: (actor, f) =>
    firstDenial(
      () => reveal(actor, f.orgId),
      () => allowIf(!!(f.particulars as { idNumber?: string } | null)?.idNumber, CommonErrors.NOT_FOUND),
    ),
});

/** A filed person: the full ID number under the rule above. */
export const staffPolicy = definePolicy<StaffRow>()({
  revealIdNumber: (actor, s) => reveal(actor, s.orgId),
});

/** The leader in charge of a township is assigned (or replaced) by the roles that manage personnel. */
export const leaderPolicy = definePolicy<{ orgId: string }>()({
  assign: (actor, l) =>
    firstDenial(
      () => allowIf(roleMay(actor.role, 'personnel.manage'), CommonErrors.FORBIDDEN_ROLE),
      () => allowIf(canReadOrg(actor, l.orgId), CommonErrors.NOT_FOUND),
    ),
});
