/** Request and response shapes of the duty module's API (值班 /api/duty, the holiday calendar /api/calendar); the web builds on these. */
import { z } from 'zod';
import { pageOf, safeString } from './common.ts';
import { DUTY_LOG_KINDS } from './duty.ts';

export {
  completenessQuerySchema,
  dutyLogCreateSchema,
  dutyLogQuerySchema,
  handoverCreateSchema,
  holidayRosterSubmitSchema,
  rosterDayUpdateSchema,
  rosterGenerateSchema,
  rosterQuerySchema,
  swapCreateSchema,
} from './duty.ts';

const id = z.uuid();
const text = safeString();
const actions = z.array(text);

export const rosterDayOut = z.object({
  id,
  orgId: id,
  day: text,
  leaderName: text,
  staffNames: z.array(text),
  source: z.enum(['rotation', 'manual', 'swap']),
  note: text.nullable(),
});
export type RosterDayOut = z.infer<typeof rosterDayOut>;
export const rosterOut = z.object({ items: z.array(rosterDayOut) });

export const swapOut = z.object({
  id,
  orgId: id,
  day: text,
  role: z.enum(['leader', 'staff']),
  fromName: text,
  toName: text,
  reason: text,
  status: z.enum(['requested', 'approved', 'rejected']),
  decidedAt: text.nullable(),
  allowedActions: actions,
});
export type SwapOut = z.infer<typeof swapOut>;
export const swapsOut = z.object({ items: z.array(swapOut) });

export const holidayOut = z.object({
  id,
  name: text,
  startsOn: text,
  endsOn: text,
  makeupWorkdays: z.array(text),
  /** The township's holiday roster is due on this day (HOLIDAY_ROSTER_LEAD_DAYS before the holiday). */
  rosterDueOn: text,
});
export type HolidayOut = z.infer<typeof holidayOut>;
export const holidaysOut = z.object({ items: z.array(holidayOut) });

export const holidaySubmissionOut = z.object({ id, holidayId: id, submittedOn: text, late: z.boolean() });
export const holidaySubmissionsOut = z.object({
  holiday: holidayOut,
  items: z.array(
    z.object({ orgId: id, orgName: text, kind: text, submitted: z.boolean(), submittedOn: text.nullable(), late: z.boolean() }),
  ),
  missing: z.number().int(),
});
export type HolidaySubmissionsOut = z.infer<typeof holidaySubmissionsOut>;

export const dutyLogEntryOut = z.object({
  id,
  orgId: id,
  day: text,
  at: text,
  kind: z.enum(DUTY_LOG_KINDS),
  callerUnit: text.nullable(),
  callerName: text.nullable(),
  callerPhone: text.nullable(),
  content: text,
  handling: text.nullable(),
  result: text.nullable(),
  reportUpward: z.boolean(),
  recordedByName: text,
  allowedActions: actions,
});
export type DutyLogEntryOut = z.infer<typeof dutyLogEntryOut>;
export const dutyLogPage = pageOf(dutyLogEntryOut);

export const incidentReportOut = z.object({
  id,
  orgId: id,
  orgName: text,
  reportedAt: text,
  notifiedNames: z.array(text),
  entry: dutyLogEntryOut,
});
export type IncidentReportOut = z.infer<typeof incidentReportOut>;
export const incidentReportsOut = z.object({ items: z.array(incidentReportOut) });
export const incidentDraftOut = z.object({ documentId: id, docType: text, title: text });

export const handoverOut = z.object({
  id,
  orgId: id,
  day: text,
  outgoingUserId: id,
  outgoingName: text,
  incomingUserId: id,
  incomingName: text,
  outstanding: text,
  outgoingConfirmedAt: text.nullable(),
  incomingConfirmedAt: text.nullable(),
  complete: z.boolean(),
  allowedActions: actions,
});
export type HandoverOut = z.infer<typeof handoverOut>;
export const handoversOut = z.object({ items: z.array(handoverOut) });

export const completenessOut = z.object({
  items: z.array(z.object({ orgId: id, day: text, kept: z.boolean(), entries: z.number().int() })),
});
export const daysKeptOut = z.object({
  items: z.array(z.object({ orgId: id, daysKept: z.number().int(), daysExpected: z.number().int() })),
});
