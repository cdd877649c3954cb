/**
 * 委托 (delegation): a leader who is away names a colleague of the same org who, for a period of
 * calendar days (China time, both ends included), signs off (签发), instructs (批示) and countersigns (会签) on the
 * leader's behalf. What the delegate does is recorded as "X on behalf of Y". The delegation is in
 * force only between its dates and until revoked: computed when asked, so it ends by itself.
 */
import { z } from 'zod';
import { safeString } from './common.ts';
import type { Action } from './permissions.ts';

/** The leader's actions a delegate may take on the leader's behalf, and only these. */
export const DELEGATED_ACTIONS = [
  'documents.signOff',
  'documents.signPrincipal',
  'documents.instruct',
  'documents.countersign',
] as const satisfies readonly Action[];
export type DelegatedAction = (typeof DELEGATED_ACTIONS)[number];

export function isDelegatedAction(action: Action): action is DelegatedAction {
  return (DELEGATED_ACTIONS as readonly string[]).includes(action);
}

/** The longest period one delegation may cover: longer absences are a change of post, not a delegation. */
export const DELEGATION_MAX_DAYS = 90;

export const DELEGATION_STATUSES = ['scheduled', 'active', 'ended', 'revoked'] as const;
export type DelegationStatus = (typeof DELEGATION_STATUSES)[number];

/** Where a delegation stands on `today` (YYYY-MM-DD, China time). */
export function delegationStatus(d: { startsOn: string; endsOn: string; revokedAt: unknown }, today: string): DelegationStatus {
  if (d.revokedAt) return 'revoked';
  if (today < d.startsOn) return 'scheduled';
  if (today > d.endsOn) return 'ended';
  return 'active';
}

/** Calendar days from `from` to `to` inclusive (both YYYY-MM-DD). */
export function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The date `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const calendarDay = safeString()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD / use YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    '不是有效日期 / not a calendar date',
  );

export const delegationCreateSchema = z
  .object({
    delegateId: z.uuid(),
    startsOn: calendarDay,
    endsOn: calendarDay,
    reason: safeString().trim().min(1).max(200),
  })
  .strict();
export type DelegationCreate = z.infer<typeof delegationCreateSchema>;

export const delegationListQuery = z.object({ view: z.enum(['mine', 'org']).default('mine') }).strict();

/**
 * The 签发人 printed on the official document itself (GB/T 9704 7.2.6 版头, 10.2 令) when the
 * signer signed on a leader's behalf: the one who signed, with 代 to the right of the name (王五（代）).
 * 条例 第二十二条: "签发人签发公文，应当签署意见、姓名和完整日期" — the name is the signer's own; the slip
 * names whom they signed for (`onBehalfName`). The 代 mark follows office practice (岳海翔 主编《最新公文
 * 写作规范与技巧全书》2016, p. 136–137: "被主要负责同志授权代行签发的文件，应在签发人姓名右侧注明'代'字"),
 * not a clause of the 条例 or of GB/T 9704, which are silent on it.
 */
export function printedSignerName(by: string | null, onBehalfOf: string | null): string | null {
  if (!by) return by;
  return onBehalfOf ? `${by}（代）` : by;
}

/** How a paper slip (printed in Chinese) signs a step taken on a leader's behalf: 王五（代李四）. */
export function onBehalfName(by: string | null, onBehalfOf: string | null): string | null {
  if (!by) return by;
  return onBehalfOf ? `${by}（代${onBehalfOf}）` : by;
}
