/**
 * 信息调研: information items reported by townships, their adoption (采用) at one or several
 * levels, the point table and monthly quota that turn adoptions into points, the ranking, bulletin
 * issues (信息专报) and research topics with their reports. Pure rules and payload schemas.
 */
import { z } from 'zod';
import { pageQuerySchema, safeString, sortQuery } from './common.ts';
import { isoDaySchema } from './holidays.ts';

export const INFO_KINDS = ['key_situation', 'news', 'good_practice', 'problem_suggestion', 'other'] as const;
export type InfoKind = (typeof INFO_KINDS)[number];
export const INFO_KIND_LABELS: Record<InfoKind, string> = {
  key_situation: '要情',
  news: '动态',
  good_practice: '经验做法',
  problem_suggestion: '问题建议',
  other: '其他',
};

export const INFO_URGENCIES = ['none', 'urgent', 'extra_urgent'] as const;
export type InfoUrgency = (typeof INFO_URGENCIES)[number];

export const INFO_STATUSES = ['submitted', 'adopted', 'not_adopted', 'withdrawn'] as const;
export type InfoStatus = (typeof INFO_STATUSES)[number];

/**
 * Adoption levels. The county's own publications (信息刊物, 专报, a county leader's instruction on
 * the item) and the same three at the city; the province is where an item forwarded upward may
 * also be adopted. Points add up across levels.
 */
export const ADOPTION_LEVELS = [
  'county_bulletin',
  'county_special',
  'county_instruction',
  'city_bulletin',
  'city_special',
  'city_instruction',
  'province_adopted',
] as const;
export type AdoptionLevel = (typeof ADOPTION_LEVELS)[number];
export const ADOPTION_LEVEL_LABELS: Record<AdoptionLevel, string> = {
  county_bulletin: '县委信息刊物采用',
  county_special: '县委信息专报采用',
  county_instruction: '县领导批示',
  city_bulletin: '市委信息刊物采用',
  city_special: '市委信息专报采用',
  city_instruction: '市领导批示',
  province_adopted: '省委采用',
};

export type PointTable = Record<AdoptionLevel, number>;

/** Defaults of the issue: county publications 5 / 10 / 30, city levels 20 / 50 / 80. The province figure is ours, and configurable. */
export const DEFAULT_POINT_TABLE: PointTable = {
  county_bulletin: 5,
  county_special: 10,
  county_instruction: 30,
  city_bulletin: 20,
  city_special: 50,
  city_instruction: 80,
  province_adopted: 100,
};

export interface ScoringConfig {
  year: number;
  points: PointTable;
  /** Items a township must submit each month (default at least 8). */
  monthlyQuota: number;
  /** Base points for each month the quota is met. */
  monthlyBasePoints: number;
  /** Long pieces each quarter (default one). */
  quarterlyLongQuota: number;
  /** Base points for each quarter the long-piece quota is met. */
  quarterlyBasePoints: number;
  /** A piece with at least this many characters of content counts as long (长篇). */
  longPieceMinChars: number;
}

export function defaultScoringConfig(year: number): ScoringConfig {
  return {
    year,
    points: { ...DEFAULT_POINT_TABLE },
    monthlyQuota: 8,
    monthlyBasePoints: 2,
    quarterlyLongQuota: 1,
    quarterlyBasePoints: 2,
    longPieceMinChars: 1500,
  };
}

/** Points of one item: the sum of the table's points over the distinct levels it was adopted at. */
export function itemPoints(levels: readonly AdoptionLevel[], table: PointTable): number {
  return [...new Set(levels)].reduce((sum, l) => sum + table[l], 0);
}

export interface PeriodActivity {
  /** Items submitted per month of the period, keyed 1..12. */
  itemsByMonth: Partial<Record<number, number>>;
  /** Long pieces submitted per quarter, keyed 1..4. */
  longByQuarter: Partial<Record<number, number>>;
}

/**
 * Base points for meeting the quota over a period: each month whose items reach the monthly quota,
 * each quarter whose long pieces reach the quarterly one. A month ranking passes its month, and its
 * quarter only when the month closes the quarter; a year ranking passes every month and quarter.
 */
export function quotaPoints(
  activity: PeriodActivity,
  cfg: ScoringConfig,
  months: readonly number[],
  quarters: readonly number[],
): { points: number; monthsMet: number; quartersMet: number } {
  const monthsMet = months.filter((m) => (activity.itemsByMonth[m] ?? 0) >= cfg.monthlyQuota).length;
  const quartersMet = quarters.filter((q) => (activity.longByQuarter[q] ?? 0) >= cfg.quarterlyLongQuota).length;
  return { points: monthsMet * cfg.monthlyBasePoints + quartersMet * cfg.quarterlyBasePoints, monthsMet, quartersMet };
}

/** The months and quarters a ranking period covers. */
export function periodOf(year: number, month?: number): { year: number; months: number[]; quarters: number[] } {
  if (month) return { year, months: [month], quarters: month % 3 === 0 ? [month / 3] : [] };
  return { year, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], quarters: [1, 2, 3, 4] };
}

/** Standard competition ranking (1, 2, 2, 4): ties share a rank, the next rank skips. */
export function rankByPoints<T extends { points: number }>(rows: readonly T[]): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => b.points - a.points);
  let prevPoints = Number.NaN;
  let prevRank = 0;
  return sorted.map((r, i) => {
    // No points, no place: in a month nobody scored, eighteen townships are not all "第1名".
    if (r.points <= 0) return { ...r, rank: null };
    const rank = r.points === prevPoints ? prevRank : i + 1;
    prevPoints = r.points;
    prevRank = rank;
    return { ...r, rank };
  });
}

export function isLongPiece(content: string, cfg: Pick<ScoringConfig, 'longPieceMinChars'>): boolean {
  return [...content.replace(/\s/g, '')].length >= cfg.longPieceMinChars;
}

// ---- payloads ----
const text = (min: number, max: number) => safeString().trim().min(min).max(max);
const year = z.coerce.number().int().min(2000).max(2100);

export const infoItemCreateSchema = z
  .object({
    title: text(2, 100),
    content: text(10, 20000),
    kind: z.enum(INFO_KINDS),
    urgency: z.enum(INFO_URGENCIES).default('none'),
  })
  .strict();
export type InfoItemCreate = z.infer<typeof infoItemCreateSchema>;

export const infoReviewSchema = z.discriminatedUnion('decision', [
  z
    .object({
      decision: z.literal('adopt'),
      levels: z.array(z.enum(ADOPTION_LEVELS)).min(1).max(ADOPTION_LEVELS.length),
      note: text(0, 500).optional(),
    })
    .strict(),
  z.object({ decision: z.literal('reject'), note: text(2, 500) }).strict(),
]);
export type InfoReview = z.infer<typeof infoReviewSchema>;

export const infoAdoptionAddSchema = z.object({ level: z.enum(ADOPTION_LEVELS), note: text(0, 500).optional() }).strict();
export type InfoAdoptionAdd = z.infer<typeof infoAdoptionAddSchema>;

/** The 信息报送 list's orders: newest submission first (the register's usual), or oldest first. */
export const INFO_ITEM_SORTS = ['newest', 'oldest'] as const;
export type InfoItemSort = (typeof INFO_ITEM_SORTS)[number];

export const infoListQuerySchema = z
  .object({
    year: year.optional(),
    month: z.coerce.number().int().min(1).max(12).optional(),
    /** Submitted on or after / on or before this day (the county's calendar). */
    from: isoDaySchema.optional(),
    to: isoDaySchema.optional(),
    orgId: z.uuid().optional(),
    status: z.enum(INFO_STATUSES).optional(),
    kind: z.enum(INFO_KINDS).optional(),
    sort: sortQuery(INFO_ITEM_SORTS, 'newest'),
    ...pageQuerySchema.shape,
  })
  .strict();
export type InfoListQuery = z.infer<typeof infoListQuerySchema>;

export const rankingQuerySchema = z.object({ year, month: z.coerce.number().int().min(1).max(12).optional() }).strict();
export type RankingQuery = z.infer<typeof rankingQuerySchema>;

const points = z.number().int().min(0).max(1000);
export const scoringConfigSchema = z
  .object({
    points: z.object(Object.fromEntries(ADOPTION_LEVELS.map((l) => [l, points])) as Record<AdoptionLevel, typeof points>).strict(),
    monthlyQuota: z.number().int().min(0).max(100),
    monthlyBasePoints: points,
    quarterlyLongQuota: z.number().int().min(0).max(20),
    quarterlyBasePoints: points,
    longPieceMinChars: z.number().int().min(100).max(20000),
  })
  .strict();
export type ScoringConfigInput = z.infer<typeof scoringConfigSchema>;

export const bulletinCreateSchema = z
  .object({ title: text(2, 100).optional(), itemIds: z.array(z.uuid()).min(1).max(50) })
  .strict()
  .refine((v) => new Set(v.itemIds).size === v.itemIds.length, {
    message: '同一条信息出现了两次 / an item appears twice',
    path: ['itemIds'],
  });
export type BulletinCreate = z.infer<typeof bulletinCreateSchema>;

/** 信息专报 numbering: 2026年第3期. */
export function formatBulletinNumber(y: number, n: number): string {
  return `${y}年第${n}期`;
}

// ---- research (调研) ----
export const RESEARCH_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type ResearchGrade = (typeof RESEARCH_GRADES)[number];
export const RESEARCH_GRADE_LABELS: Record<ResearchGrade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

const isoDate = safeString()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), '不是有效日期 / not a calendar date');

export const researchTopicCreateSchema = z
  .object({ title: text(2, 100), description: text(0, 5000).default(''), deadline: isoDate })
  .strict();
export type ResearchTopicCreate = z.infer<typeof researchTopicCreateSchema>;

export const researchReportCreateSchema = z.object({ title: text(2, 100), content: text(10, 50000) }).strict();
export type ResearchReportCreate = z.infer<typeof researchReportCreateSchema>;

export const researchEvaluateSchema = z.object({ grade: z.enum(RESEARCH_GRADES), comment: text(2, 1000) }).strict();
export type ResearchEvaluate = z.infer<typeof researchEvaluateSchema>;
