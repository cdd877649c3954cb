import { roleMay } from '@township-office/domain/permissions';
import { canReadOrg } from '../../platform/access.ts';
import type { Actor } from '../../platform/context.ts';
import type { FilingRow } from './personnel.tables.ts';

/**
 * Who may see a staff member's full ID number (one audited reveal at a time, or in an export):
 * the roles that manage personnel filing — the township's own office staff, who file, and the
 * county office, which acknowledges. Everyone else who reads the records sees it masked.
 */
export function mayRevealStaffIdNumber(actor: Actor, orgId: string): boolean {
  if (roleMay(actor.role, 'personnel.file') && actor.orgId === orgId) return true;
  return roleMay(actor.role, 'personnel.acknowledge') && canReadOrg(actor, orgId);
}

/** What the caller may do with a filing, sent to the client so the page shows only those buttons. */
export function filingPolicy(actor: Actor, row: FilingRow): ('acknowledge' | 'return' | 'revealIdNumber')[] {
  const out: ('acknowledge' | 'return' | 'revealIdNumber')[] = [];
  if (row.state === 'submitted' && roleMay(actor.role, 'personnel.acknowledge') && canReadOrg(actor, row.orgId))
    out.push('acknowledge', 'return');
  if ((row.particulars as { idNumber?: string } | null)?.idNumber && mayRevealStaffIdNumber(actor, row.orgId)) out.push('revealIdNumber');
  return out;
}
