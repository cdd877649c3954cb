import { roleMay } from '@township-office/domain/permissions';
import type { Actor } from '../../platform/context.ts';
import type { FollowUpRow, MeetingRow } from './meetings.tables.ts';

/** What the caller may do with one meeting's minutes; sent to the client so the UI shows only these. */
export function meetingActions(actor: Actor, m: MeetingRow): string[] {
  if (actor.orgId !== m.orgId || !roleMay(actor.role, 'meetings.record')) return [];
  const out: string[] = [];
  if (m.status === 'draft') out.push('edit');
  if (m.status === 'draft' && actor.userId === m.recorderUserId) out.push('finalise');
  if (m.status === 'finalised' && actor.userId === m.hostUserId) out.push('confirm');
  if (m.status !== 'draft' && (actor.userId === m.recorderUserId || actor.userId === m.hostUserId)) out.push('amend');
  if (m.status !== 'draft' && roleMay(actor.role, 'followUps.manage')) out.push('followUp');
  return out;
}

export function followUpActions(actor: Actor, f: FollowUpRow): string[] {
  if (actor.orgId !== f.orgId || !roleMay(actor.role, 'followUps.manage') || f.status !== 'open') return [];
  return ['progress', 'close'];
}
