/**
 * Notifications and the reminder engine's rules (pure): at which stage a deadline is, seen on a
 * China calendar day, and the words of a notification in each language. Reminders go out before a
 * deadline (on each of `REMINDER_DAYS_BEFORE` days left), on the day, and once after it, when the
 * overdue reminder is also sent to the office's leader in charge (escalation).
 */
import { chinaToday } from './dates.ts';
import type { TodoKind } from './workbench.ts';

export const REMINDER_DAYS_BEFORE = [3, 1] as const;

/**
 * `reminded` (催办 by the sender), `resent` (补发 of a returned delivery), `delegated` and
 * `undelegated` (a leader's 委托 to the reader made or withdrawn; the title is the leader's name),
 * `returned` (a document 退回 to the reader's step, the subject is the reason) are
 * announced by the module when they happen, not found by the engine on the workbench.
 */
export const NOTIFICATION_STAGES = [
  'new',
  'before',
  'due',
  'overdue',
  'escalated',
  'reminded',
  'resent',
  'delegated',
  'undelegated',
  'returned',
  'digest',
] as const;
export type NotificationStage = (typeof NOTIFICATION_STAGES)[number];

/** To-dos that are news when they first arrive (a delivery, an instruction asked of me, a returned draft). */
export const NEWS_KINDS: readonly TodoKind[] = [
  'delivery.acknowledge',
  'incoming.instruct',
  'incoming.handle',
  'incoming.read',
  'document.returned',
  'document.signOff',
  'filing.returned',
  'assessment.confirmSelf',
  'assessment.revision',
];

const DAY_MS = 86_400_000;

/** Whole China calendar days from `now`'s day to the deadline's day (negative once it has passed). */
export function daysLeft(dueAt: Date, now: Date): number {
  return Math.round((Date.parse(chinaToday(dueAt)) - Date.parse(chinaToday(now))) / DAY_MS);
}

/**
 * The reminder a deadline calls for on `now`'s day, or null: `before` with the tightest of the
 * configured days that still holds (so a server that was down on day 3 sends the 1-day reminder,
 * never both on one day), `due` on the day, `overdue` once it has passed (the event key has no day:
 * one overdue reminder per deadline, not one a day).
 */
export function reminderStage(
  dueAt: Date,
  now: Date,
  daysBefore: readonly number[] = REMINDER_DAYS_BEFORE,
): { stage: 'before' | 'due' | 'overdue'; days: number | null } | null {
  if (dueAt.getTime() < now.getTime()) return { stage: 'overdue', days: null };
  const left = daysLeft(dueAt, now);
  if (left <= 0) return { stage: 'due', days: 0 };
  const fits = [...daysBefore].filter((d) => left <= d).sort((a, b) => a - b);
  return fits.length ? { stage: 'before', days: fits[0]! } : null;
}

const STAGE_ZH: Record<NotificationStage, string> = {
  new: '新待办',
  before: '即将到期',
  due: '今日到期',
  overdue: '已超期',
  escalated: '超期提醒',
  reminded: '催办',
  resent: '补发',
  delegated: '委托',
  undelegated: '委托收回',
  returned: '退回',
  digest: '待办汇总',
};
const STAGE_EN: Record<NotificationStage, string> = {
  new: 'New',
  before: 'Due soon',
  due: 'Due today',
  overdue: 'Overdue',
  escalated: 'Overdue in your office',
  reminded: 'Reminder',
  resent: 'Sent again',
  delegated: 'Delegation',
  undelegated: 'Delegation withdrawn',
  returned: 'Returned',
  digest: 'Digest',
};

/**
 * Above this many new events for one person in one sweep, the engine sends one digest instead of one
 * notification per event: nobody reads 500 bell entries, and the workbench lists them all anyway.
 */
export const DIGEST_ABOVE = 500;

/** What a digest counts, by stage (only the stages that occur are present). */
export type DigestCounts = Partial<Record<'new' | 'before' | 'due' | 'overdue' | 'escalated', number>>;

const DIGEST_PARTS = ['overdue', 'escalated', 'due', 'before', 'new'] as const;
const DIGEST_ZH: Record<(typeof DIGEST_PARTS)[number], string> = {
  overdue: '已超期',
  escalated: '本单位超期',
  due: '今日到期',
  before: '即将到期',
  new: '新待办',
};
const DIGEST_EN: Record<(typeof DIGEST_PARTS)[number], string> = {
  overdue: 'overdue',
  escalated: 'overdue in your office',
  due: 'due today',
  before: 'due soon',
  new: 'new',
};

/** The headline of a digest: "【待办汇总】1,250 项待办提醒：已超期 250 项，今日到期 125 项…，请到工作台查看". */
export function digestText(itemCount: number, counts: DigestCounts, lang: 'zh' | 'en'): string {
  const parts = DIGEST_PARTS.filter((p) => (counts[p] ?? 0) > 0);
  if (lang === 'en')
    return `[${STAGE_EN.digest}] ${itemCount.toLocaleString('en')} reminders: ${parts
      .map((p) => `${counts[p]!.toLocaleString('en')} ${DIGEST_EN[p]}`)
      .join(', ')}; see the workbench`;
  return `【${STAGE_ZH.digest}】${itemCount.toLocaleString('en')} 项待办提醒：${parts
    .map((p) => `${DIGEST_ZH[p]} ${counts[p]!.toLocaleString('en')} 项`)
    .join('，')}，请到工作台查看`;
}

/** The headline of a notification: "【即将到期】关于…的通知（还有 3 天）". zh-TW is derived from zh-CN by the caller. */
export function notificationText(n: { stage: NotificationStage; daysLeft: number | null; title: string }, lang: 'zh' | 'en'): string {
  // A delegation's title is the leader's name: the headline says what they asked of the reader.
  if (n.stage === 'delegated')
    return lang === 'en'
      ? `[${STAGE_EN.delegated}] ${n.title} asked you to sign off, instruct and countersign on their behalf`
      : `【${STAGE_ZH.delegated}】${n.title}委托您代为签发、批示、会签`;
  if (n.stage === 'undelegated')
    return lang === 'en'
      ? `[${STAGE_EN.undelegated}] ${n.title} withdrew the delegation to you`
      : `【${STAGE_ZH.undelegated}】${n.title}已收回对您的委托`;
  if (lang === 'en') {
    const tail = n.stage === 'before' && n.daysLeft ? ` (${n.daysLeft} day${n.daysLeft === 1 ? '' : 's'} left)` : '';
    return `[${STAGE_EN[n.stage]}] ${n.title}${tail}`;
  }
  const tail = n.stage === 'before' && n.daysLeft ? `（还有 ${n.daysLeft} 天）` : '';
  return `【${STAGE_ZH[n.stage]}】${n.title}${tail}`;
}
