import { z } from 'zod';
import { safeString } from './common.ts';
import { dueDate, deadlineState, type CountOptions, type DeadlineState } from './deadlines.ts';
import { isoDaySchema } from './holidays.ts';
import { EXPORT_FORMATS } from './print.ts';

/**
 * Letters and visits (信访), after 信访工作条例 (2022). The periods, in days:
 *  - decide on acceptance and tell the petitioner within 15 days of receipt (第三十二条);
 *  - handle within 60 days of acceptance; one extension of at most 30 days, approved by the
 *    head of the organ, the reason told to the petitioner (第三十五条);
 *  - review (复查) may be requested within 30 days of the written answer, and is answered within
 *    30 days of the request (第三十六条);
 *  - re-review (复核) likewise within 30 and 30 days; after it, the same matter on the same facts
 *    and grounds is not accepted again (第三十七条).
 */
export const PETITION_PERIODS = {
  acceptDays: 15,
  handleDays: 60,
  maxExtensionDays: 30,
  reviewRequestDays: 30,
  reviewAnswerDays: 30,
  rereviewRequestDays: 30,
  rereviewAnswerDays: 30,
} as const;

export const PETITION_CHANNELS = ['letter', 'visit', 'phone', 'online'] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];
export const PETITION_CHANNEL_LABELS: Record<PetitionChannel, string> = {
  letter: '来信',
  visit: '来访',
  phone: '来电',
  online: '网上信访',
};

export const PETITION_CATEGORIES = [
  'land',
  'labour',
  'social_security',
  'urban_rural',
  'environment',
  'law_enforcement',
  'rural_affairs',
  'other',
] as const;
export type PetitionCategory = (typeof PETITION_CATEGORIES)[number];
export const PETITION_CATEGORY_LABELS: Record<PetitionCategory, string> = {
  land: '土地征收',
  labour: '劳动工资',
  social_security: '社会保障',
  urban_rural: '城乡建设',
  environment: '生态环境',
  law_enforcement: '政法',
  rural_affairs: '农村农业',
  other: '其他',
};

export const PETITION_STATUSES = [
  'registered',
  'accepted',
  'not_accepted',
  'closed',
  'review_requested',
  'reviewed',
  'rereview_requested',
  'rereviewed',
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];
export const PETITION_STATUS_LABELS: Record<PetitionStatus, string> = {
  registered: '待受理',
  accepted: '办理中',
  not_accepted: '不予受理',
  closed: '已办结',
  review_requested: '复查中',
  reviewed: '已复查',
  rereview_requested: '复核中',
  rereviewed: '已复核（终结）',
};

/** The steps of a case (each one a route and a button); `reveal` shows the full ID numbers and phones. */
export const PETITION_STEPS = [
  'accept',
  'reject',
  'extend',
  'close',
  'reviewRequest',
  'reviewAnswer',
  'rereviewRequest',
  'rereviewAnswer',
] as const;
export type PetitionStep = (typeof PETITION_STEPS)[number];

/** Which step each status allows: the case's state machine (信访工作条例 第三十二条 to 第三十七条). */
export const PETITION_NEXT_STEPS: Record<PetitionStatus, readonly PetitionStep[]> = {
  registered: ['accept', 'reject'],
  accepted: ['extend', 'close'],
  not_accepted: [],
  closed: ['reviewRequest'],
  review_requested: ['reviewAnswer'],
  reviewed: ['rereviewRequest'],
  rereview_requested: ['rereviewAnswer'],
  rereviewed: [],
};

/** After a re-review request the matter is final: no step but its answer, and nothing after it (第三十七条). */
export const petitionIsFinal = (status: PetitionStatus) => status === 'rereviewed' || status === 'rereview_requested';

/** The dates that drive the deadlines; null until the step happened. */
export interface PetitionDates {
  receivedOn: string;
  decidedOn: string | null;
  status: PetitionStatus;
  extensionDays: number | null;
  closedOn: string | null;
  reviewRequestedOn: string | null;
  reviewAnsweredOn: string | null;
  rereviewRequestedOn: string | null;
  rereviewAnsweredOn: string | null;
}

export interface PetitionDeadline {
  kind: 'accept' | 'handle' | 'review_answer' | 'rereview_answer';
  due: string;
  state: DeadlineState;
}

export function acceptBy(d: Pick<PetitionDates, 'receivedOn'>, opts?: CountOptions): string {
  return dueDate(d.receivedOn, PETITION_PERIODS.acceptDays, opts);
}

export function handleBy(d: Pick<PetitionDates, 'decidedOn' | 'extensionDays'>, opts?: CountOptions): string | null {
  if (!d.decidedOn) return null;
  return dueDate(d.decidedOn, PETITION_PERIODS.handleDays + (d.extensionDays ?? 0), opts);
}

export function reviewRequestBy(answeredOn: string, opts?: CountOptions): string {
  return dueDate(answeredOn, PETITION_PERIODS.reviewRequestDays, opts);
}

/** The deadline the register is waiting on now, or null when nothing is pending on this office. */
export function currentDeadline(d: PetitionDates, today: string, opts?: CountOptions): PetitionDeadline | null {
  const make = (kind: PetitionDeadline['kind'], due: string): PetitionDeadline => ({ kind, due, state: deadlineState(due, today) });
  switch (d.status) {
    case 'registered':
      return make('accept', acceptBy(d, opts));
    case 'accepted':
      return make('handle', handleBy(d, opts)!);
    case 'review_requested':
      return make('review_answer', dueDate(d.reviewRequestedOn!, PETITION_PERIODS.reviewAnswerDays, opts));
    case 'rereview_requested':
      return make('rereview_answer', dueDate(d.rereviewRequestedOn!, PETITION_PERIODS.rereviewAnswerDays, opts));
    default:
      return null;
  }
}

export type ExtensionProblem = 'wrong_state' | 'already_extended' | 'too_long' | 'past_due';

/** One extension of at most 30 days while the case is being handled and not yet overdue (第三十五条). */
export function extensionProblem(d: PetitionDates, days: number, onDay: string, opts?: CountOptions): ExtensionProblem | null {
  if (d.status !== 'accepted') return 'wrong_state';
  if (d.extensionDays) return 'already_extended';
  if (!Number.isInteger(days) || days < 1 || days > PETITION_PERIODS.maxExtensionDays) return 'too_long';
  if (onDay > handleBy(d, opts)!) return 'past_due';
  return null;
}

export type ReviewProblem = 'wrong_state' | 'final' | 'too_late' | 'before_answer';

/** Whether a 复查 / 复核 request received on `requestedOn` may be recorded (第三十六条, 第三十七条). */
export function reviewRequestProblem(
  d: PetitionDates,
  stage: 'review' | 'rereview',
  requestedOn: string,
  opts?: CountOptions,
): ReviewProblem | null {
  if (d.status === 'rereviewed' || d.status === 'rereview_requested') return 'final';
  const answeredOn = stage === 'review' ? d.closedOn : d.reviewAnsweredOn;
  const expected = stage === 'review' ? 'closed' : 'reviewed';
  if (d.status !== expected || !answeredOn) return 'wrong_state';
  if (requestedOn < answeredOn) return 'before_answer';
  const days = stage === 'review' ? PETITION_PERIODS.reviewRequestDays : PETITION_PERIODS.rereviewRequestDays;
  if (requestedOn > dueDate(answeredOn, days, opts)) return 'too_late';
  return null;
}

/** ID numbers and phones show their first and last characters only, outside the case's handlers. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  if (phone.length <= 7) return `${phone.slice(0, 1)}${'*'.repeat(Math.max(phone.length - 2, 0))}${phone.slice(-1)}`;
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

const text = (max: number) => safeString().trim().min(1).max(max);
const optText = (max: number) => safeString().trim().max(max).optional();

export const petitionerSchema = z
  .object({
    name: text(40),
    idNumber: safeString()
      .trim()
      .regex(/^\d{17}[\dXx]$/)
      .optional(),
    phone: safeString()
      .trim()
      .regex(/^[\d-]{7,20}$/)
      .optional(),
    address: optText(200),
  })
  .strict();
export type Petitioner = z.infer<typeof petitionerSchema>;

export const petitionCreateSchema = z
  .object({
    receivedOn: isoDaySchema,
    channel: z.enum(PETITION_CHANNELS),
    petitioners: z.array(petitionerSchema).min(1).max(20),
    subject: text(200),
    content: text(5000),
    category: z.enum(PETITION_CATEGORIES),
    handlerUserIds: z.array(z.uuid()).max(10).optional(),
    /** A matter raised before: refused if that one was already re-reviewed (第三十七条). */
    previousPetitionId: z.uuid().optional(),
  })
  .strict();
export type PetitionCreate = z.infer<typeof petitionCreateSchema>;

export const petitionAcceptSchema = z
  .object({ decidedOn: isoDaySchema, notifiedOn: isoDaySchema, handlerUserIds: z.array(z.uuid()).max(10).optional() })
  .strict();
export const petitionRejectSchema = z.object({ decidedOn: isoDaySchema, notifiedOn: isoDaySchema, reason: text(1000) }).strict();
export const petitionExtendSchema = z
  .object({
    days: z.number().int().min(1).max(366),
    reason: text(1000),
    approvedBy: text(40),
    approvedOn: isoDaySchema,
    notifiedOn: isoDaySchema,
  })
  .strict();
export const petitionCloseSchema = z.object({ closedOn: isoDaySchema, result: text(5000), answerNotifiedOn: isoDaySchema }).strict();
export const petitionReviewRequestSchema = z
  .object({ stage: z.enum(['review', 'rereview']), requestedOn: isoDaySchema, organ: text(100) })
  .strict();
export const petitionReviewAnswerSchema = z
  .object({ stage: z.enum(['review', 'rereview']), answeredOn: isoDaySchema, result: text(5000) })
  .strict();
export const petitionListQuerySchema = z
  .object({
    status: z.enum(PETITION_STATUSES).optional(),
    channel: z.enum(PETITION_CHANNELS).optional(),
    category: z.enum(PETITION_CATEGORIES).optional(),
    from: isoDaySchema.optional(),
    to: isoDaySchema.optional(),
    overdue: z.enum(['true', 'false']).optional(),
    orgId: z.uuid().optional(),
    q: safeString().trim().max(40).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    format: z.enum(EXPORT_FORMATS).default('json'),
  })
  .strict();
