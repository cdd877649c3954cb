import type { Actor } from '../../platform/context.ts';
import { allowedActions } from '../../platform/policy.ts';
import { dutyLogPolicy, handoverPolicy, swapPolicy } from './duty.policy.ts';
import type { DutyLogRow, HandoverRow, HolidayPeriodRow, IncidentReportRow, RosterDayRow, SwapRow } from './duty.tables.ts';

export const presentRosterDay = (r: RosterDayRow) => ({
  id: r.id,
  orgId: r.orgId,
  day: r.day,
  leaderName: r.leaderName,
  staffNames: r.staffNames,
  source: r.source,
  note: r.note,
});

export const presentSwap = (actor: Actor, s: SwapRow) => ({
  id: s.id,
  orgId: s.orgId,
  day: s.day,
  role: s.role,
  fromName: s.fromName,
  toName: s.toName,
  reason: s.reason,
  status: s.status,
  decidedAt: s.decidedAt?.toISOString() ?? null,
  allowedActions: allowedActions(swapPolicy, actor, s),
});

export const presentHoliday = (h: HolidayPeriodRow, dueOn: string) => ({
  id: h.id,
  name: h.name,
  startsOn: h.startsOn,
  endsOn: h.endsOn,
  makeupWorkdays: h.makeupWorkdays,
  rosterDueOn: dueOn,
});

export const presentLogEntry = (actor: Actor, e: DutyLogRow) => ({
  id: e.id,
  orgId: e.orgId,
  day: e.day,
  at: e.at.toISOString(),
  kind: e.kind,
  callerUnit: e.callerUnit,
  callerName: e.callerName,
  callerPhone: e.callerPhone,
  content: e.content,
  handling: e.handling,
  result: e.result,
  reportUpward: e.reportUpward,
  recordedByName: e.recordedByName,
  allowedActions: allowedActions(dutyLogPolicy, actor, e),
});

export const presentIncident = (actor: Actor, r: { report: IncidentReportRow; entry: DutyLogRow; orgName: string }) => ({
  id: r.report.id,
  orgId: r.report.orgId,
  orgName: r.orgName,
  reportedAt: r.report.reportedAt.toISOString(),
  notifiedNames: r.report.notifiedNames,
  entry: presentLogEntry(actor, r.entry),
});

export function presentHandover(actor: Actor, h: HandoverRow) {
  return {
    id: h.id,
    orgId: h.orgId,
    day: h.day,
    outgoingUserId: h.outgoingUserId,
    outgoingName: h.outgoingName,
    incomingUserId: h.incomingUserId,
    incomingName: h.incomingName,
    outstanding: h.outstanding,
    outgoingConfirmedAt: h.outgoingConfirmedAt?.toISOString() ?? null,
    incomingConfirmedAt: h.incomingConfirmedAt?.toISOString() ?? null,
    complete: !!(h.outgoingConfirmedAt && h.incomingConfirmedAt),
    allowedActions: allowedActions(handoverPolicy, actor, h),
  };
}
