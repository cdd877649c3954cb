import type { FilingRow, LeaderRow, StaffRow } from './personnel.tables.ts';
import type { Actor } from '../../platform/context.ts';
import { filingPolicy } from './personnel.policy.ts';

export function presentLeader(row: LeaderRow, orgName: string) {
  return { id: row.id, orgId: row.orgId, orgName, name: row.name, position: row.position, since: row.since, until: row.until, familiar: row.familiar, basis: row.basis };
}

export function presentStaff(row: StaffRow, org: { orgName: string; orgCode?: string }) {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: org.orgName,
    name: row.name,
    idNumber: row.idNumber,
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
  };
}

export function presentFiling(row: FilingRow, extra: { orgName: string; staffName: string | null }, actor: Actor) {
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
    particulars: row.particulars,
    toOrgId: row.toOrgId,
    reason: row.reason,
    state: row.state,
    late: row.late,
    deadlineDays: row.deadlineDays,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    returnReason: row.returnReason,
    allowed: filingPolicy(actor, row),
  };
}
