/**
 * Who sees which personal data of a petitioner (信访人). One rule, used by the search (SQL), the
 * presenter (lists, detail, exports) and the reveal:
 * - name and address: the handling office (the petition's own org) and the county's petition staff;
 *   everyone else county-wide sees a masked name and no address;
 * - full ID number and phone: only the case's handlers, one audited reveal at a time.
 */
import { roleMay } from '@township-office/domain/permissions';
import type { Actor } from '../../platform/context.ts';
import type { PetitionRow } from './reception.tables.ts';

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
