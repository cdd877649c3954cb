import { z } from 'zod';
import { safeString } from './common.ts';
import { dueDate, deadlineState, type DeadlineState } from './deadlines.ts';
import { EMPTY_CALENDAR, isoDaySchema, isWorkingDay, shiftDay, type HolidayCalendar } from './holidays.ts';
import { EXPORT_FORMATS } from './print.ts';

/**
 * Letters and visits (信访), after 信访工作条例 (2022). Read for these rules (search corpus `pages`):
 * 第二十三条第三款 as quoted by 福田区信访局 (szft.gov.cn, post_12403598), the 复查/复核 text as quoted by
 * 广东省信访局 (gdwsxf.gd.gov.cn, post_3962125), the 60 + 30-day period as explained by 攀枝花市信访局, and
 * 民法典 第二百零三条. The periods, in days:
 *  - tell the petitioner in writing within 15 days of receipt whether the matter is taken up
 *    (第二十三条); a case transferred or assigned (转送、交办) that is not the office's may be objected to
 *    within 5 working days of receipt (第二十三条第三款) — the one working-day period;
 *  - handle within 60 days of acceptance; one extension of at most 30 days, approved by the head of
 *    the organ, the reason told to the petitioner (第三十四条);
 *  - 复查 may be requested within 30 days of the petitioner's receipt of the written answer, and is
 *    answered within 30 days of the request (第三十五条);
 *  - 复核 likewise within 30 days of receipt of the 复查 answer, answered within 30 days; a hearing's
 *    time (听证) does not count toward those 30 days; after it, a complaint on the same facts and
 *    grounds is not accepted again (第三十六条).
 * Every period is in calendar days except the objection; a period whose last day is a public holiday
 * (or a rest day) ends on the first working day after it (民法典 第二百零三条), by the holiday calendar.
 */
export const PETITION_PERIODS = {
  acceptDays: 15,
  objectionWorkingDays: 5,
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

/** How the case reached the office: directly from the petitioner, or transferred (转送) / assigned (交办) by another organ. */
export const PETITION_SOURCES = ['direct', 'transferred', 'assigned'] as const;
export type PetitionSource = (typeof PETITION_SOURCES)[number];
export const PETITION_SOURCE_LABELS: Record<PetitionSource, string> = { direct: '直接受理', transferred: '转送', assigned: '交办' };

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
  'objected',
  'returned',
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
  objected: '已提异议',
  returned: '已交还',
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
  'object',
  'objectionResult',
  'extend',
  'close',
  'reviewRequest',
  'reviewAnswer',
  'rereviewRequest',
  'hearing',
  'rereviewAnswer',
] as const;
export type PetitionStep = (typeof PETITION_STEPS)[number];

/** Which step each status allows: the case's state machine (信访工作条例 第二十三条 to 第三十六条). */
export const PETITION_NEXT_STEPS: Record<PetitionStatus, readonly PetitionStep[]> = {
  registered: ['accept', 'reject', 'object'],
  objected: ['objectionResult'],
  returned: [],
  accepted: ['extend', 'close'],
  not_accepted: [],
  closed: ['reviewRequest'],
  review_requested: ['reviewAnswer'],
  reviewed: ['rereviewRequest'],
  rereview_requested: ['hearing', 'rereviewAnswer'],
  rereviewed: [],
};

/** After a 复核 request the matter is final: no step but its hearing and answer, and nothing after it (第三十六条). */
export const petitionIsFinal = (status: PetitionStatus) => status === 'rereviewed' || status === 'rereview_requested';

/** The dates that drive the deadlines; null until the step happened. */
export interface PetitionDates {
  receivedOn: string;
  decidedOn: string | null;
  status: PetitionStatus;
  source?: PetitionSource;
  notifiedOn?: string | null;
  extensionDays: number | null;
  closedOn: string | null;
  /** The day the petitioner received the written answer: the 复查 window runs from it. */
  answerNotifiedOn?: string | null;
  reviewRequestedOn: string | null;
  reviewAnsweredOn: string | null;
  /** The day the petitioner received the 复查 answer: the 复核 window runs from it. */
  reviewAnswerNotifiedOn?: string | null;
  rereviewRequestedOn: string | null;
  /** Days spent in hearings (听证) during the 复核: they do not count toward its 30 days. */
  rereviewHearingDays?: number;
  rereviewAnsweredOn: string | null;
}

export interface PetitionDeadline {
  kind: 'accept' | 'objection' | 'handle' | 'review_answer' | 'rereview_answer';
  due: string;
  state: DeadlineState;
}

/** The most days periodEnd moves a last day forward past holidays (a bound for queries that pre-select). */
export const PERIOD_SHIFT_MAX_DAYS = 60;

/**
 * The last day of a statutory period of `days` calendar days after `from` (民法典 第二百零一条: the first
 * day is not counted); when it is not a working day by the holiday calendar (a public holiday or a rest
 * day), the period ends on the first working day after it (民法典 第二百零三条).
 */
export function periodEnd(from: string, days: number, cal: HolidayCalendar = EMPTY_CALENDAR): string {
  let d = dueDate(from, days);
  for (let i = 0; i < PERIOD_SHIFT_MAX_DAYS && !isWorkingDay(d, cal); i++) d = shiftDay(d, 1);
  return d;
}

/** The written notice of acceptance or not is due 15 days after receipt (第二十三条). */
export function acceptBy(d: Pick<PetitionDates, 'receivedOn'>, cal?: HolidayCalendar): string {
  return periodEnd(d.receivedOn, PETITION_PERIODS.acceptDays, cal);
}

/** Whether the written notice reached the petitioner after the 15 days: recorded, flagged, counted against the office. */
export function noticeLate(d: Pick<PetitionDates, 'receivedOn'>, notifiedOn: string, cal?: HolidayCalendar): boolean {
  return notifiedOn > acceptBy(d, cal);
}

/** A transferred or assigned case that is not the office's may be objected to within 5 working days of receipt (第二十三条第三款). */
export function objectionBy(d: Pick<PetitionDates, 'receivedOn'>, cal?: HolidayCalendar): string {
  return dueDate(d.receivedOn, PETITION_PERIODS.objectionWorkingDays, { count: 'working', calendar: cal ?? EMPTY_CALENDAR });
}

export function handleBy(d: Pick<PetitionDates, 'decidedOn' | 'extensionDays'>, cal?: HolidayCalendar): string | null {
  if (!d.decidedOn) return null;
  return periodEnd(d.decidedOn, PETITION_PERIODS.handleDays + (d.extensionDays ?? 0), cal);
}

/** The day a 复查 (from the answer's receipt) or 复核 (from the 复查 answer's receipt) request is last accepted. */
export function reviewRequestBy(d: PetitionDates, stage: 'review' | 'rereview', cal?: HolidayCalendar): string | null {
  const from = stage === 'review' ? d.answerNotifiedOn : d.reviewAnswerNotifiedOn;
  if (!from) return null;
  return periodEnd(from, stage === 'review' ? PETITION_PERIODS.reviewRequestDays : PETITION_PERIODS.rereviewRequestDays, cal);
}

/** The 复核 answer is due 30 days after the request, plus the days spent in hearings (第三十六条). */
export function rereviewAnswerBy(d: PetitionDates, cal?: HolidayCalendar): string | null {
  if (!d.rereviewRequestedOn) return null;
  return periodEnd(d.rereviewRequestedOn, PETITION_PERIODS.rereviewAnswerDays + (d.rereviewHearingDays ?? 0), cal);
}

/** The deadline the register is waiting on now, or null when nothing is pending on this office. */
export function currentDeadline(d: PetitionDates, today: string, cal?: HolidayCalendar): PetitionDeadline | null {
  const make = (kind: PetitionDeadline['kind'], due: string): PetitionDeadline => ({ kind, due, state: deadlineState(due, today) });
  switch (d.status) {
    case 'registered':
      return make('accept', acceptBy(d, cal));
    case 'accepted':
      return make('handle', handleBy(d, cal)!);
    case 'review_requested':
      return make('review_answer', periodEnd(d.reviewRequestedOn!, PETITION_PERIODS.reviewAnswerDays, cal));
    case 'rereview_requested':
      return make('rereview_answer', rereviewAnswerBy(d, cal)!);
    default:
      return null;
  }
}

export type ExtensionProblem = 'wrong_state' | 'already_extended' | 'too_long' | 'past_due';

/** One extension of at most 30 days while the case is being handled and not yet overdue (第三十四条). */
export function extensionProblem(d: PetitionDates, days: number, onDay: string, cal?: HolidayCalendar): ExtensionProblem | null {
  if (d.status !== 'accepted') return 'wrong_state';
  if (d.extensionDays) return 'already_extended';
  if (!Number.isInteger(days) || days < 1 || days > PETITION_PERIODS.maxExtensionDays) return 'too_long';
  if (onDay > handleBy(d, cal)!) return 'past_due';
  return null;
}

export type ReviewProblem = 'wrong_state' | 'final' | 'too_late' | 'before_answer' | 'no_receipt';

/**
 * Whether a 复查 / 复核 request received on `requestedOn` may be recorded (第三十五条, 第三十六条): within
 * 30 days of the day the petitioner received the written answer (`answerNotifiedOn`) or the 复查
 * answer (`reviewAnswerNotifiedOn`), whatever the closing date.
 */
export function reviewRequestProblem(
  d: PetitionDates,
  stage: 'review' | 'rereview',
  requestedOn: string,
  cal?: HolidayCalendar,
): ReviewProblem | null {
  if (d.status === 'rereviewed' || d.status === 'rereview_requested') return 'final';
  const expected = stage === 'review' ? 'closed' : 'reviewed';
  if (d.status !== expected) return 'wrong_state';
  const receivedOn = stage === 'review' ? d.answerNotifiedOn : d.reviewAnswerNotifiedOn;
  if (!receivedOn) return 'no_receipt';
  if (requestedOn < receivedOn) return 'before_answer';
  if (requestedOn > reviewRequestBy(d, stage, cal)!) return 'too_late';
  return null;
}

export type ObjectionProblem = 'wrong_state' | 'direct' | 'too_late' | 'before_receipt';

/** Whether an objection to a transferred or assigned case may be recorded on `objectedOn` (第二十三条第三款). */
export function objectionProblem(d: PetitionDates, objectedOn: string, cal?: HolidayCalendar): ObjectionProblem | null {
  if (d.status !== 'registered') return 'wrong_state';
  if (!d.source || d.source === 'direct') return 'direct';
  if (objectedOn < d.receivedOn) return 'before_receipt';
  if (objectedOn > objectionBy(d, cal)) return 'too_late';
  return null;
}

/**
 * A new case naming an earlier one: refused when that one was 复核-ed (or is in 复核) and the new one
 * brings no new facts or grounds — only the same facts and grounds are refused (第三十六条).
 */
export function repeatRefused(previous: { status: PetitionStatus }, newFacts: string | undefined | null): boolean {
  return petitionIsFinal(previous.status) && !newFacts?.trim();
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
    /** 转送 / 交办 cases may be objected to within 5 working days (第二十三条第三款). */
    source: z.enum(PETITION_SOURCES).default('direct'),
    /** The organ that transferred or assigned the case; required for those. */
    transferredBy: optText(100),
    petitioners: z.array(petitionerSchema).min(1).max(20),
    subject: text(200),
    content: text(5000),
    category: z.enum(PETITION_CATEGORIES),
    handlerUserIds: z.array(z.uuid()).max(10).optional(),
    /** A matter raised before: refused if that one was 复核-ed, unless the new one brings new facts or grounds (第三十六条). */
    previousPetitionId: z.uuid().optional(),
    /** The new facts or grounds that make a matter raised before a new case. */
    newFacts: optText(2000),
  })
  .strict()
  .refine((v) => v.source === 'direct' || !!v.transferredBy, {
    message: '转送、交办的信访件须填写转送或交办机关 / name the organ that transferred or assigned the case',
    path: ['transferredBy'],
  });
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
/** `notifiedOn`: the day the petitioner received the written 复查/复核 answer (the 复核 window runs from the former). */
export const petitionReviewAnswerSchema = z
  .object({ stage: z.enum(['review', 'rereview']), answeredOn: isoDaySchema, notifiedOn: isoDaySchema, result: text(5000) })
  .strict();
/** An objection to a transferred or assigned case that is not the office's (第二十三条第三款). */
export const petitionObjectionSchema = z.object({ objectedOn: isoDaySchema, reason: text(1000) }).strict();
/** The transferring organ's answer to the objection: agreed (the materials go back) or not (the office handles it). */
export const petitionObjectionResultSchema = z.object({ decidedOn: isoDaySchema, agreed: z.boolean(), note: optText(1000) }).strict();
/** A 复核 hearing (听证): its days do not count toward the 30 days (第三十六条). */
export const petitionHearingSchema = z
  .object({ startedOn: isoDaySchema, endedOn: isoDaySchema, note: optText(1000) })
  .strict()
  .refine((v) => v.startedOn <= v.endedOn, {
    message: '听证结束日期不能早于开始日期 / the hearing cannot end before it starts',
    path: ['endedOn'],
  });
export const petitionListQuerySchema = z
  .object({
    status: z.enum(PETITION_STATUSES).optional(),
    channel: z.enum(PETITION_CHANNELS).optional(),
    source: z.enum(PETITION_SOURCES).optional(),
    noticeLate: z.enum(['true', 'false']).optional(),
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
