import type { FilingRow, LeaderRow, StaffRow } from './personnel.tables.ts';
import type { Actor } from '../../platform/context.ts';
import { allowedActions } from '../../platform/policy.ts';
import { filingPolicy, leaderPolicy, staffPolicy } from './personnel.policy.ts';

/** 110101********1234: the region code and the last four stay, the birth date and serial are starred. */
export function maskStaffIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** A filing's particulars as sent: the ID number masked like the staff list's. */
function maskedParticulars(particulars: Record<string, unknown>): Record<string, unknown> {
  const id = particulars.idNumber;
  return typeof id === 'string' ? { ...particulars, idNumber: maskStaffIdNumber(id) } : particulars;
}

export function presentLeader(row: LeaderRow, org: { orgName: string; username?: string | null }, actor: Actor) {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: org.orgName,
    userId: row.userId,
    username: org.username ?? null,
    name: row.name,
    position: row.position,
    since: row.since,
    until: row.until,
    familiar: row.familiar,
    basis: row.basis,
    allowedActions: allowedActions(leaderPolicy, actor, row),
  };
}

export function presentStaff(row: StaffRow, org: { orgName: string; orgCode?: string }, actor: Actor) {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: org.orgName,
    name: row.name,
    // Masked for everyone; the full number only through the audited reveal.
    idNumber: maskStaffIdNumber(row.idNumber),
    gender: row.gender,
    birthDate: row.birthDate,
    ethnicity: row.ethnicity,
    politicalStatus: row.politicalStatus,
    education: row.education,
    major: row.major,
    post: row.post,
    officeRole: row.officeRole,
    phone: row.phone,
    startDate: row.startDate,
    status: row.status,
    leftOn: row.leftOn,
    designationReason: row.designationReason,
    allowedActions: allowedActions(staffPolicy, actor, row),
  };
}

export function presentFiling(
  row: FilingRow,
  extra: { orgName: string; staffName: string | null; toOrgName?: string | null },
  actor: Actor,
) {
  const p = row.particulars as { name?: string };
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: extra.orgName,
    staffId: row.staffId,
    staffName: extra.staffName ?? p.name ?? null,
    kind: row.kind,
    changeDate: row.changeDate,
    filedAt: row.filedAt.toISOString(),
    particulars: maskedParticulars(row.particulars),
    toOrgId: row.toOrgId,
    toOrgName: extra.toOrgName ?? null,
    reason: row.reason,
    state: row.state,
    late: row.late,
    deadlineDays: row.deadlineDays,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    returnReason: row.returnReason,
    allowedActions: allowedActions(filingPolicy, actor, row),
  };
}
