/** Request and response contracts of /api/assessment (issue 10's fixed API points among them). */
import { z } from 'zod';
import { safeString } from './common.ts';
import {
  GRADES,
  INDICATOR_METHODS,
  SCHEME_STATUSES,
  TARGET_KINDS,
  gradeConfigSchema,
  indicatorSchema,
  scoringRuleSchema,
} from './assessment.ts';
import { isoDaySchema } from './holidays.ts';

const year = z.coerce.number().int().min(2000).max(2100);

export const schemeListQuerySchema = z.object({ year: year.optional() }).strict();

export const schemeCreateSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    targetKind: z.enum(TARGET_KINDS),
    title: safeString().trim().min(1).max(200),
    copyFromSchemeId: z.uuid().nullable(),
  })
  .strict();
export type SchemeCreate = z.infer<typeof schemeCreateSchema>;

export const indicatorsPutSchema = z.object({ indicators: z.array(indicatorSchema).max(500) }).strict();
export type IndicatorsPut = z.infer<typeof indicatorsPutSchema>;

/** A step's body; every field optional so a POST with no body works. */
export const stepBodySchema = z
  .object({ closesOn: isoDaySchema.optional(), grades: gradeConfigSchema.partial().optional() })
  .strict()
  .optional()
  .default({});
export type StepBody = z.infer<typeof stepBodySchema>;

export const commentCreateSchema = z.object({ code: safeString().max(20).nullable(), text: safeString().trim().min(1).max(2000) }).strict();
export const commentAnswerSchema = z.object({ adopted: z.boolean(), answer: safeString().trim().min(1).max(2000) }).strict();

export const scoreEntrySchema = z
  .object({
    orgId: z.uuid(),
    code: safeString().max(20),
    score: z.number().finite(),
    reason: safeString().trim().min(1).max(2000),
    evidence: safeString().max(2000).optional(),
  })
  .strict();
export type ScoreEntry = z.infer<typeof scoreEntrySchema>;

/** Several scores saved at once (a column of the scoring table). */
export const scoreSheetSchema = z.object({ entries: z.array(scoreEntrySchema).min(1).max(5000) }).strict();
export type ScoreSheet = z.infer<typeof scoreSheetSchema>;
export const scoreSheetOutSchema = z.object({ count: z.number().int() });

export const selfReportSchema = z.object({ code: safeString().max(20), evidence: safeString().trim().min(1).max(4000) }).strict();
export type SelfReport = z.infer<typeof selfReportSchema>;

export const appealCreateSchema = z.object({ code: safeString().max(20), reason: safeString().trim().min(1).max(2000) }).strict();
export const appealAnswerSchema = z
  .object({ answer: safeString().trim().min(1).max(2000), newScore: z.number().finite().nullable() })
  .strict();

// Responses
export const schemeSummarySchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  targetKind: z.enum(TARGET_KINDS),
  status: z.enum(SCHEME_STATUSES),
  title: safeString(),
});
export const schemeListSchema = z.object({ items: z.array(schemeSummarySchema) });

export const indicatorOutSchema = z.object({
  code: safeString(),
  parentCode: safeString().nullable(),
  name: safeString(),
  weight: z.number(),
  method: z.enum(INDICATOR_METHODS),
  metric: safeString().nullable(),
  description: safeString(),
  rule: scoringRuleSchema.nullable(),
});

export const commentOutSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: safeString(),
  authorName: safeString(),
  code: safeString().nullable(),
  text: safeString(),
  adopted: z.boolean().nullable(),
  answer: safeString().nullable(),
  createdAt: safeString(),
});

export const appealOutSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: safeString(),
  code: safeString(),
  reason: safeString(),
  answer: safeString().nullable(),
  oldScore: z.number().nullable(),
  newScore: z.number().nullable(),
  createdAt: safeString(),
});

export const schemeDetailSchema = schemeSummarySchema.extend({
  indicators: z.array(indicatorOutSchema),
  weightSum: z.number(),
  consultationClosesOn: safeString().nullable(),
  noticeClosesOn: safeString().nullable(),
  grades: gradeConfigSchema,
  comments: z.array(commentOutSchema),
  appeals: z.array(appealOutSchema),
  /** The published version in force (1 at publication, +1 per revision); 0 before publication. */
  version: z.number().int(),
  allowedActions: z.array(safeString()),
});
export type SchemeDetail = z.infer<typeof schemeDetailSchema>;

export const createdSchemeSchema = z.object({ id: z.uuid(), status: z.literal('draft') });

export const resultScoreSchema = z.object({
  code: safeString(),
  score: z.number(),
  /** How the score was reached: the measured value and rule, or the county's reason. */
  basis: safeString(),
  pending: z.boolean(),
});
export const resultItemSchema = z.object({
  orgId: z.uuid(),
  orgName: safeString(),
  total: z.number(),
  rank: z.number().int(),
  grade: z.enum(GRADES).nullable(),
  scores: z.array(resultScoreSchema),
});
export const resultsSchema = z.object({
  items: z.array(resultItemSchema),
  final: z.boolean(),
  /** Every top-level indicator's mean over all the scheme's offices (whoever asks). */
  averages: z.array(z.object({ code: safeString(), average: z.number() })),
  /** When the running scores were computed (measured items are refreshed at most a minute apart). */
  computedAt: safeString().nullable(),
});
export type ResultItem = z.infer<typeof resultItemSchema>;

export const metricOutSchema = z.object({
  key: safeString(),
  label: safeString(),
  formula: safeString(),
  kind: z.enum(['ratio', 'count']),
});
export const metricListSchema = z.object({ items: z.array(metricOutSchema) });

export const idOutSchema = z.object({ id: z.uuid() });

// The year-end self-assessment (自评): the office's summary, confirmed by its leader in charge.
export const selfAssessmentSchema = z.object({ summary: safeString().trim().min(1).max(4000) }).strict();
export type SelfAssessmentIn = z.infer<typeof selfAssessmentSchema>;
export const SELF_ASSESSMENT_STATES = ['missing', 'unconfirmed', 'confirmed'] as const;
export const selfAssessmentOutSchema = z.object({
  orgId: z.uuid(),
  orgName: safeString(),
  /** missing: no summary yet; unconfirmed: sent, waiting for the leader in charge; confirmed. */
  state: z.enum(SELF_ASSESSMENT_STATES),
  summary: safeString().nullable(),
  submittedAt: safeString().nullable(),
  submittedByName: safeString().nullable(),
  confirmedAt: safeString().nullable(),
  confirmedByName: safeString().nullable(),
});
export const selfAssessmentListSchema = z.object({ items: z.array(selfAssessmentOutSchema) });
export type SelfAssessmentOut = z.infer<typeof selfAssessmentOutSchema>;

// A change after publication: a new version of the indicator tree, with its reason.
export const revisionSchema = z
  .object({ reason: safeString().trim().min(1).max(2000), indicators: z.array(indicatorSchema).max(500) })
  .strict();
export type RevisionIn = z.infer<typeof revisionSchema>;
export const versionOutSchema = z.object({
  version: z.number().int(),
  reason: safeString(),
  createdAt: safeString(),
  createdByName: safeString(),
  indicators: z.array(indicatorSchema),
});
export const versionListSchema = z.object({ items: z.array(versionOutSchema) });

/** The grade settings of a scheme (thresholds, the cap on the share of 优秀); any subset, until it is final. */
export const gradesPutSchema = gradeConfigSchema.partial().strict();
export type GradesPut = z.infer<typeof gradesPutSchema>;

/** An office's results over the years: one point per scheme of its group past consultation. */
export const historyQuerySchema = z.object({ orgId: z.uuid().optional() }).strict();
export const historyItemSchema = z.object({
  schemeId: z.uuid(),
  year: z.number().int(),
  title: safeString(),
  status: z.enum(SCHEME_STATUSES),
  total: z.number(),
  rank: z.number().int(),
  offices: z.number().int(),
  average: z.number(),
  grade: z.enum(GRADES).nullable(),
});
export const historySchema = z.object({ orgId: z.uuid(), orgName: safeString(), items: z.array(historyItemSchema) });
