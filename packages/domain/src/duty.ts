import { z } from 'zod';
import { safeString, sortQuery } from './common.ts';
import { daysInclusive, eachDay, isoDaySchema } from './holidays.ts';
import { EXPORT_FORMATS } from './print.ts';

/** Duty (值班): the roster, the duty log (值班日志), handovers (交接班), holiday rosters. */
export const DUTY_LOG_KINDS = ['phone', 'visit', 'document', 'incident', 'other'] as const;
export type DutyLogKind = (typeof DUTY_LOG_KINDS)[number];
export const DUTY_LOG_KIND_LABELS: Record<DutyLogKind, string> = {
  phone: '来电',
  visit: '来访',
  document: '来文',
  incident: '突发事件',
  other: '其他',
};

/** Only an incident (突发事件) is reported upward to the county office, once. */
export const logEntryReportable = (e: { kind: DutyLogKind }) => e.kind === 'incident';

export const ROTATION_MODES = ['daily', 'weekly'] as const;
export type RotationMode = (typeof ROTATION_MODES)[number];

/** Holiday rosters reach the county office at least this many days before the holiday. */
export const HOLIDAY_ROSTER_LEAD_DAYS = 5;

const name = safeString().trim().min(1).max(40);
const text = (max: number) => safeString().trim().min(1).max(max);
const page = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const rosterGenerateSchema = z
  .object({
    from: isoDaySchema,
    to: isoDaySchema,
    mode: z.enum(ROTATION_MODES),
    leaders: z.array(name).min(1).max(30),
    staff: z.array(name).min(1).max(60),
    staffPerDay: z.number().int().min(1).max(5).default(1),
    /** Replace days already edited by hand too (default: keep them). */
    overwrite: z.boolean().default(false),
  })
  .strict()
  .refine((g) => g.from <= g.to && daysInclusive(g.from, g.to) <= 366, {
    message: '结束日期不能早于开始日期，且跨度不超过 366 天 / the end cannot be before the start, and the span is at most 366 days',
    path: ['to'],
  });
export type RosterGenerate = z.infer<typeof rosterGenerateSchema>;

/** leaderName may arrive empty: the service answers ROSTER_NEEDS_LEADER, which says what to do. */
export const rosterDayUpdateSchema = z
  .object({ leaderName: safeString().trim().max(40), staffNames: z.array(name).max(5), note: safeString().trim().max(200).optional() })
  .strict();
export type RosterDayUpdate = z.infer<typeof rosterDayUpdateSchema>;

export interface RosterDay {
  day: string;
  leaderName: string;
  staffNames: string[];
}

/**
 * A fair rotation: leaders and staff take turns in list order, changing every day or every ISO week
 * (a week starting on the `from` day's Monday), so each person's share differs by at most one turn.
 */
export function generateRotation(g: Pick<RosterGenerate, 'from' | 'to' | 'mode' | 'leaders' | 'staff' | 'staffPerDay'>): RosterDay[] {
  const days = eachDay(g.from, g.to);
  const perDay = Math.min(g.staffPerDay, g.staff.length);
  const firstMonday = mondayOf(g.from);
  return days.map((day, i) => {
    const turn = g.mode === 'daily' ? i : Math.floor((daysInclusive(firstMonday, day) - 1) / 7);
    const leaderName = g.leaders[turn % g.leaders.length]!;
    const staffNames = Array.from({ length: perDay }, (_, k) => g.staff[(turn * perDay + k) % g.staff.length]!);
    return { day, leaderName, staffNames: [...new Set(staffNames)] };
  });
}

function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow);
  return d.toISOString().slice(0, 10);
}

export const rosterQuerySchema = z
  .object({ from: isoDaySchema, to: isoDaySchema, orgId: z.uuid().optional(), format: z.enum(EXPORT_FORMATS).default('json') })
  .strict()
  .refine((q) => q.from <= q.to && daysInclusive(q.from, q.to) <= 366, {
    message: '结束日期不能早于开始日期，且跨度不超过 366 天 / the end cannot be before the start, and the span is at most 366 days',
    path: ['to'],
  });

export const swapCreateSchema = z
  .object({ day: isoDaySchema, role: z.enum(['leader', 'staff']), fromName: name, toName: name, reason: text(200) })
  .strict()
  .refine((s) => s.fromName !== s.toName, { message: '换班须为两个不同的人 / a swap needs two different people', path: ['toName'] });
export type SwapCreate = z.infer<typeof swapCreateSchema>;

export const holidayRosterSubmitSchema = z.object({ note: safeString().trim().max(200).optional() }).strict();

export const dutyLogCreateSchema = z
  .object({
    at: z.iso.datetime({ offset: true }),
    kind: z.enum(DUTY_LOG_KINDS),
    callerUnit: safeString().trim().max(100).optional(),
    callerName: safeString().trim().max(40).optional(),
    callerPhone: safeString()
      .trim()
      .regex(/^[\d-]{3,20}$/)
      .optional(),
    content: text(2000),
    handling: safeString().trim().max(2000).optional(),
    result: safeString().trim().max(1000).optional(),
    /** Flag an incident for reporting upward: the county office's staff on duty are notified. */
    reportUpward: z.boolean().default(false),
  })
  .strict();
export type DutyLogCreate = z.infer<typeof dutyLogCreateSchema>;

/** The duty log's orders: newest entry first (the register's usual), or oldest first. */
export const DUTY_LOG_SORTS = ['newest', 'oldest'] as const;
export type DutyLogSort = (typeof DUTY_LOG_SORTS)[number];

export const dutyLogQuerySchema = z
  .object({
    from: isoDaySchema.optional(),
    to: isoDaySchema.optional(),
    kind: z.enum(DUTY_LOG_KINDS).optional(),
    orgId: z.uuid().optional(),
    reportedUpward: z.enum(['true', 'false']).optional(),
    sort: sortQuery(DUTY_LOG_SORTS, 'newest'),
    ...page,
    format: z.enum(EXPORT_FORMATS).default('json'),
  })
  .strict();

export const handoverCreateSchema = z
  .object({ day: isoDaySchema, outgoingUserId: z.uuid(), incomingUserId: z.uuid(), outstanding: safeString().trim().max(2000).default('') })
  .strict();
export type HandoverCreate = z.infer<typeof handoverCreateSchema>;

export const completenessQuerySchema = z
  .object({ from: isoDaySchema, to: isoDaySchema })
  .strict()
  .refine((q) => q.from <= q.to && daysInclusive(q.from, q.to) <= 366, {
    message: '结束日期不能早于开始日期，且跨度不超过 366 天 / the end cannot be before the start, and the span is at most 366 days',
    path: ['to'],
  });
