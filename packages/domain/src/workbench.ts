/**
 * The workbench (工作台): what each person must act on, gathered from every module. Pure rules only:
 * the kinds of to-do, how an item's deadline puts it in a group, and the China-time end of a day.
 */
import { chinaToday } from './dates.ts';

/** Every kind of to-do a module contributes: `<record>.<action>`. The web labels them `workbench.kind.<kind>`. */
export const TODO_KINDS = [
  'delivery.acknowledge',
  'incoming.screen',
  'incoming.read',
  'incoming.propose',
  'incoming.instruct',
  'incoming.assign',
  'incoming.handle',
  'document.returned',
  'document.review',
  'document.countersign',
  'document.signOff',
  'document.recheck',
  'document.number',
  'document.dispatch',
  'followUp.due',
  'petition.deadline',
  'duty.today',
  'duty.handover',
  'duty.swap',
  'filing.acknowledge',
  'filing.returned',
  'info.review',
  'loan.overdue',
  'assessment.appeal',
  'assessment.comment',
  'assessment.confirmSelf',
  'assessment.revision',
  // Not a workbench item: the kind of the notification that tells a delegate of a delegation (委托).
  'delegation.received',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export const TODO_MODULES = ['documents', 'meetings', 'reception', 'duty', 'personnel', 'information', 'archives', 'assessment'] as const;
export type TodoModule = (typeof TODO_MODULES)[number];

/** Kinds the workbench can complete for several items at once (签收 several deliveries, 阅知 several circulations). */
export const BATCH_KINDS = ['delivery.acknowledge', 'incoming.read'] as const satisfies readonly TodoKind[];

export const TODO_GROUPS = ['overdue', 'today', 'week', 'later'] as const;
export type TodoGroup = (typeof TODO_GROUPS)[number];

const DAY_MS = 86_400_000;

/** The last moment of a China calendar day (YYYY-MM-DD), as an ISO instant: a deadline "by 5 January" ends then. */
export function endOfChinaDay(day: string): string {
  return new Date(Date.parse(`${day.slice(0, 10)}T23:59:59.999+08:00`)).toISOString();
}

/** Day of the week in China, Monday = 1 … Sunday = 7. */
function chinaWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * The group of a deadline seen at `now` (China time): past it → overdue; ends today → today;
 * by the end of this week (Sunday) → week; later or no deadline → later.
 */
export function todoGroup(dueAt: string | null, now: Date): TodoGroup {
  if (dueAt === null) return 'later';
  const due = Date.parse(dueAt);
  if (due < now.getTime()) return 'overdue';
  const today = chinaToday(now);
  const dueDay = chinaToday(new Date(due));
  if (dueDay === today) return 'today';
  const weekEnd = endOfChinaDay(new Date(Date.parse(`${today}T00:00:00Z`) + (7 - chinaWeekday(today)) * DAY_MS).toISOString().slice(0, 10));
  return due <= Date.parse(weekEnd) ? 'week' : 'later';
}
