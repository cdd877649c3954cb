import { roleMay } from '@township-office/domain/permissions';
import { canReadOrg } from '../../platform/access.ts';
import type { Actor } from '../../platform/context.ts';
import type { FilingRow } from './personnel.tables.ts';

/** What the caller may do with a filing, sent to the client so the page shows only those buttons. */
export function filingPolicy(actor: Actor, row: FilingRow): ('acknowledge' | 'return')[] {
  if (row.state !== 'submitted' || !roleMay(actor.role, 'personnel.acknowledge') || !canReadOrg(actor, row.orgId)) return [];
  return ['acknowledge', 'return'];
}
