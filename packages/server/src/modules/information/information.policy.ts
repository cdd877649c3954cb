import { ADOPTION_LEVELS } from '@township-office/domain/information';
import { roleMay } from '@township-office/domain/permissions';
import type { Actor } from '../../platform/context.ts';
import type { InfoAdoptionRow, InfoItemRow, ResearchReportRow } from './information.tables.ts';

export type ItemAction = 'withdraw' | 'review' | 'addAdoption';

/** What the caller may do with an item now; the web shows only these. */
export function itemActions(actor: Actor, item: InfoItemRow, adoptions: InfoAdoptionRow[]): ItemAction[] {
  const out: ItemAction[] = [];
  if (item.status === 'submitted' && actor.orgId === item.orgId && roleMay(actor.role, 'info.submit')) out.push('withdraw');
  if (item.status === 'submitted' && roleMay(actor.role, 'info.review')) out.push('review');
  if (item.status === 'adopted' && roleMay(actor.role, 'info.review') && adoptions.length < ADOPTION_LEVELS.length) out.push('addAdoption');
  return out;
}

export function reportActions(actor: Actor, report: ResearchReportRow): 'evaluate'[] {
  return !report.grade && roleMay(actor.role, 'research.manage') ? ['evaluate'] : [];
}
