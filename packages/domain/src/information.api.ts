/**
 * The information module's API contract (信息报送 info reports, 信息专报 bulletins, 调研 research):
 * the response shapes the server declares and the web infers its types from. Request bodies and
 * queries are the schemas in ./information.ts.
 */
import { z } from 'zod';
import { pageOf, safeString } from './common.ts';
import { ADOPTION_LEVELS, INFO_KINDS, INFO_STATUSES, INFO_URGENCIES, RESEARCH_GRADES, scoringConfigSchema } from './information.ts';

const iso = safeString();
const id = z.uuid();

/** What a caller may do with an info report now; the server's policy decides, in this order. */
export const INFO_REPORT_ACTIONS = ['withdraw', 'review', 'addAdoption'] as const;
export const RESEARCH_REPORT_ACTIONS = ['evaluate'] as const;

export const adoptionOut = z.object({
  level: z.enum(ADOPTION_LEVELS),
  points: z.number().int(),
  note: safeString().nullable(),
  adoptedAt: iso,
});

/** One 信息报送 item (SQL `info_items`): an info report. */
export const infoReportOut = z.object({
  id,
  orgId: id,
  orgName: safeString(),
  title: safeString(),
  content: safeString(),
  kind: z.enum(INFO_KINDS),
  urgency: z.enum(INFO_URGENCIES),
  status: z.enum(INFO_STATUSES),
  submittedAt: iso,
  submitterName: safeString().nullable(),
  reviewedAt: iso.nullable(),
  reviewNote: safeString().nullable(),
  adoptions: z.array(adoptionOut),
  points: z.number().int(),
  allowedActions: z.array(z.enum(INFO_REPORT_ACTIONS)),
});
export const infoReportPageOut = pageOf(infoReportOut);

export const rankingRowOut = z.object({
  orgId: safeString(),
  orgName: safeString(),
  points: z.number(),
  adoptionPoints: z.number(),
  basePoints: z.number(),
  items: z.number(),
  adopted: z.number(),
  /** null: no points in the period, so no place in the ranking. */
  rank: z.number().nullable(),
});
export const rankingOut = z.object({
  year: z.number(),
  month: z.number().nullable(),
  of: z.number(),
  items: z.array(rankingRowOut),
  mine: rankingRowOut.nullable(),
});

export const scoringConfigOut = scoringConfigSchema.extend({ year: z.number().int() });
export const adoptionLevelsOut = z.object({ items: z.array(z.enum(ADOPTION_LEVELS)) });

export const bulletinOut = z.object({
  id,
  year: z.number().int(),
  number: z.number().int(),
  numberText: safeString(),
  title: safeString(),
  compiledAt: iso,
  documentId: id.nullable(),
  dispatchedAt: iso.nullable(),
  itemCount: z.number().int(),
});
export const bulletinListOut = z.object({ items: z.array(bulletinOut) });
export const bulletinDetailOut = bulletinOut.extend({
  items: z.array(z.object({ id, position: z.number().int(), title: safeString(), orgName: safeString(), content: safeString() })),
});

export const topicOut = z.object({
  id,
  year: z.number().int(),
  title: safeString(),
  description: safeString(),
  deadline: safeString(),
  reports: z.number().int(),
  evaluated: z.number().int(),
});
export const topicListOut = z.object({ items: z.array(topicOut) });

export const researchReportOut = z.object({
  id,
  topicId: id,
  orgId: id,
  orgName: safeString(),
  title: safeString(),
  content: safeString(),
  submittedAt: iso,
  grade: z.enum(RESEARCH_GRADES).nullable(),
  comment: safeString().nullable(),
  evaluatedAt: iso.nullable(),
  allowedActions: z.array(z.enum(RESEARCH_REPORT_ACTIONS)),
});
export const researchReportListOut = z.object({ items: z.array(researchReportOut) });

export type InfoReport = z.infer<typeof infoReportOut>;
export type InfoReportPage = z.infer<typeof infoReportPageOut>;
export type InfoReportAction = (typeof INFO_REPORT_ACTIONS)[number];
export type RankingRow = z.infer<typeof rankingRowOut>;
export type Ranking = z.infer<typeof rankingOut>;
export type Bulletin = z.infer<typeof bulletinOut>;
export type BulletinDetail = z.infer<typeof bulletinDetailOut>;
export type Topic = z.infer<typeof topicOut>;
export type ResearchReport = z.infer<typeof researchReportOut>;
export type BulletinList = z.infer<typeof bulletinListOut>;
export type TopicList = z.infer<typeof topicListOut>;
export type ResearchReportList = z.infer<typeof researchReportListOut>;
