/**
 * Training (业务知识培训班) and rotation (跟班学习): contracts, coverage and the fair planner.
 */
import { z } from 'zod';
import { safeString } from './common.ts';
import { isoDateSchema } from './personnel.ts';

export const ROTATION_TOPICS = ['info_research', 'documents_meetings', 'follow_up', 'duty_petitions'] as const;
export type RotationTopic = (typeof ROTATION_TOPICS)[number];
export const ROTATION_TOPIC_LABELS: Record<RotationTopic, string> = {
  info_research: '综调信息',
  documents_meetings: '办文办会',
  follow_up: '督促检查',
  duty_petitions: '值班接访',
};
export const ROTATION_RATINGS = ['excellent', 'good', 'pass', 'fail'] as const;
export const ROTATION_RATING_LABELS: Record<(typeof ROTATION_RATINGS)[number], string> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};
/** The article: 2–3 township cadres each quarter. */
export const ROTATION_PER_QUARTER_MIN = 2;
export const ROTATION_PER_QUARTER_MAX = 3;
/** Training coverage looks back this many calendar years, the asked-for year included. */
export const TRAINING_WINDOW_YEARS = 3;

export const trainingSessionCreateSchema = z
  .object({
    heldOn: isoDateSchema,
    topic: safeString().trim().min(2).max(100),
    organiser: safeString().trim().min(2).max(60),
    materials: safeString().trim().max(2000).default(''),
    staffIds: z.array(z.uuid()).max(500).default([]),
    leaderIds: z.array(z.uuid()).max(500).default([]),
  })
  .strict();

export const quarterSchema = z
  .object({ year: z.coerce.number().int().min(2000).max(2100), quarter: z.coerce.number().int().min(1).max(4) })
  .strict();

export const rotationConfirmSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    quarter: z.number().int().min(1).max(4),
    staffIds: z.array(z.uuid()).min(1).max(ROTATION_PER_QUARTER_MAX),
  })
  .strict();

export const rotationCompleteSchema = z
  .object({
    topics: z.array(z.enum(ROTATION_TOPICS)).min(1).max(4),
    evaluation: safeString().trim().min(2).max(2000),
    rating: z.enum(ROTATION_RATINGS),
  })
  .strict();

export function quarterPeriod(year: number, quarter: number): { start: string; end: string } {
  const m = (quarter - 1) * 3 + 1;
  const endMonth = m + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${year}-${pad(m)}-01`, end: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

export interface PlannerCandidate {
  staffId: string;
  orgId: string;
  /** ISO date of the person's last rotation, or null if never. */
  lastRotation: string | null;
  startDate: string;
  /** Active designated staff in the person's township. */
  townshipStaffCount: number;
}

/**
 * The fair proposal: longest without a rotation first (never-rotated before anyone, then the
 * earliest last rotation, then the longest-serving), at most one per township, and never a
 * township's only staff member (its office would stand empty for the quarter).
 */
export function proposeRotation(
  candidates: PlannerCandidate[],
  count: number,
  excludeOrgIds: ReadonlySet<string> = new Set(),
): PlannerCandidate[] {
  const eligible = candidates.filter((c) => c.townshipStaffCount >= 2 && !excludeOrgIds.has(c.orgId));
  const sorted = [...eligible].sort((a, b) => {
    if (a.lastRotation !== b.lastRotation) {
      if (a.lastRotation === null) return -1;
      if (b.lastRotation === null) return 1;
      return a.lastRotation < b.lastRotation ? -1 : 1;
    }
    if (a.startDate !== b.startDate) return a.startDate < b.startDate ? -1 : 1;
    return a.staffId < b.staffId ? -1 : 1;
  });
  const picked: PlannerCandidate[] = [];
  const orgs = new Set<string>();
  for (const c of sorted) {
    if (picked.length >= count) break;
    if (orgs.has(c.orgId)) continue;
    orgs.add(c.orgId);
    picked.push(c);
  }
  return picked;
}

/** Years counted for training coverage when asking about `year`. */
export function trainingWindow(year: number): { from: string; to: string } {
  return { from: `${year - TRAINING_WINDOW_YEARS + 1}-01-01`, to: `${year}-12-31` };
}
