/** Request and response shapes of the reception module's API (来客接待 /api/visits, 信访 /api/petitions); the web builds on these. */
import { z } from 'zod';
import { pageOf, safeString } from './common.ts';
import { DEADLINE_STATES } from './deadlines.ts';
import { COST_CATEGORIES } from './reception.ts';
import { PETITION_CATEGORIES, PETITION_CHANNELS, PETITION_SOURCES, PETITION_STATUSES } from './petitions.ts';

export {
  petitionAcceptSchema,
  petitionCloseSchema,
  petitionCreateSchema,
  petitionExtendSchema,
  petitionHearingSchema,
  petitionListQuerySchema,
  petitionObjectionResultSchema,
  petitionObjectionSchema,
  petitionRejectSchema,
  petitionReviewAnswerSchema,
  petitionReviewRequestSchema,
} from './petitions.ts';
export { visitCreateSchema, visitListQuerySchema, visitUpdateSchema, visitVoidSchema } from './reception.ts';

const id = z.uuid();
const text = safeString();
const day = text;
const actions = z.array(text);

export const visitOut = z.object({
  id,
  orgId: id,
  visitDate: day,
  visitingUnit: text,
  visitorNames: z.array(text),
  visitorCount: z.number().int(),
  purpose: text,
  letterRef: text.nullable(),
  hostName: text,
  arrangements: text,
  costItems: z.array(z.object({ category: z.enum(COST_CATEGORIES), description: text, amount: z.number() })),
  totalCost: z.number(),
  void: z.boolean(),
  voidReason: text.nullable(),
  allowedActions: actions,
});
export type VisitOut = z.infer<typeof visitOut>;
export const visitPage = pageOf(visitOut);

/** A petitioner as shown: ID number and phone masked (or whole, from the audited reveal), name masked outside the office. */
export const petitionerOut = z.object({ name: text, idNumber: text.nullable(), phone: text.nullable(), address: text.nullable() });
export type PetitionerOut = z.infer<typeof petitionerOut>;

export const petitionSummaryOut = z.object({
  id,
  orgId: id,
  serial: text,
  receivedOn: day,
  channel: z.enum(PETITION_CHANNELS),
  petitioners: z.array(petitionerOut),
  subject: text,
  category: z.enum(PETITION_CATEGORIES),
  source: z.enum(PETITION_SOURCES),
  status: z.enum(PETITION_STATUSES),
  /** The written notice reached the petitioner after the 15 days of 信访工作条例 第二十三条. */
  noticeLate: z.boolean(),
  dueKind: z.enum(['accept', 'objection', 'handle', 'review_answer', 'rereview_answer']).nullable(),
  dueOn: day.nullable(),
  deadlineState: z.enum(DEADLINE_STATES).nullable(),
  overdue: z.boolean(),
  extensionDays: z.number().int().nullable(),
  closedOn: day.nullable(),
  allowedActions: actions,
});
export type PetitionSummaryOut = z.infer<typeof petitionSummaryOut>;
export const petitionPage = pageOf(petitionSummaryOut);

export const petitionOut = petitionSummaryOut.extend({
  content: text,
  transferredBy: text.nullable(),
  newFacts: text.nullable(),
  /** The last day of the 15-day written notice (第二十三条). */
  noticeDueOn: day,
  /** The last day to object to a transferred or assigned case (5 working days, 第二十三条第三款). */
  objectionDueOn: day.nullable(),
  objectedOn: day.nullable(),
  objectionReason: text.nullable(),
  objectionDecidedOn: day.nullable(),
  objectionAgreed: z.boolean().nullable(),
  /** The last day a 复查 request is accepted: 30 days after the answer's receipt (第三十五条). */
  reviewRequestDueOn: day.nullable(),
  /** The last day a 复核 request is accepted: 30 days after the 复查 answer's receipt (第三十六条). */
  rereviewRequestDueOn: day.nullable(),
  /** The 复核 answer's last day: 30 days plus the hearing days (第三十六条). */
  rereviewAnswerDueOn: day.nullable(),
  rereviewHearingDays: z.number().int(),
  reviewAnswerNotifiedOn: day.nullable(),
  rereviewAnswerNotifiedOn: day.nullable(),
  isHandler: z.boolean(),
  previousPetitionId: id.nullable(),
  decidedOn: day.nullable(),
  notifiedOn: day.nullable(),
  notAcceptedReason: text.nullable(),
  extensionReason: text.nullable(),
  extensionApprovedBy: text.nullable(),
  extensionApprovedOn: day.nullable(),
  extensionNotifiedOn: day.nullable(),
  result: text.nullable(),
  answerNotifiedOn: day.nullable(),
  reviewRequestedOn: day.nullable(),
  reviewOrgan: text.nullable(),
  reviewAnsweredOn: day.nullable(),
  reviewResult: text.nullable(),
  rereviewRequestedOn: day.nullable(),
  rereviewOrgan: text.nullable(),
  rereviewAnsweredOn: day.nullable(),
  rereviewResult: text.nullable(),
  events: z.array(z.object({ kind: text, on: day, note: text.nullable(), byName: text, at: text })),
});
export type PetitionOut = z.infer<typeof petitionOut>;

const countBy = z.array(z.object({ key: text, count: z.number().int() }));
export const petitionStatsOut = z.object({
  year: z.number().int(),
  total: z.number().int(),
  byCategory: countBy,
  byChannel: countBy,
  byMonth: countBy,
  /** The year's figures: decisions, late notices (第二十三条), overdue cases, objections, 复查 and 复核 requests. */
  figures: z.object({
    total: z.number().int(),
    accepted: z.number().int(),
    notAccepted: z.number().int(),
    closed: z.number().int(),
    noticeLate: z.number().int(),
    overdue: z.number().int(),
    transferred: z.number().int(),
    objected: z.number().int(),
    reviews: z.number().int(),
    rereviews: z.number().int(),
  }),
});
export type PetitionStatsOut = z.infer<typeof petitionStatsOut>;

export const petitionStatsQuerySchema = z
  .object({ year: z.coerce.number().int().min(2000).max(2100), orgId: z.uuid().optional() })
  .strict();

export const overdueByOrgOut = z.object({ items: z.array(z.object({ orgId: id, overdue: z.number().int() })) });
export const petitionRevealOut = z.object({ petitioners: z.array(petitionerOut), masked: z.array(petitionerOut) });
