/**
 * Team operations: leaders in charge (with history), staff filings submitted by townships and
 * acknowledged by the county office, and the personnel database they build.
 */
import { CommonErrors } from '@township-office/domain/errors';
import { PersonnelErrors } from '@township-office/domain/personnel.errors';
import {
  AGE_BANDS,
  CHANGEABLE_PARTICULARS,
  DEFAULT_FILING_DEADLINE_DAYS,
  EDUCATION_LEVELS,
  STAFF_MAX,
  TENURE_BANDS,
  ageBand,
  isFilingLate,
  tenureBand,
  type FilingCreate,
  type StaffParticulars,
} from '@township-office/domain/personnel';
import { chinaToday } from '@township-office/domain/dates';
import type { LeaderAssign } from '@township-office/domain/personnel';
import type { Db, DbOrTx } from '../../db/client.ts';
import { assertMay, assertSupervisionReadable, supervisionScope } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, mapPgError, withPgErrors } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { filingPolicy, leaderPolicy, staffPolicy } from './personnel.policy.ts';
import { orgById } from '../orgs/orgs.service.ts';
import { personnelRepository as repo } from './personnel.repository.ts';
import type { FilingRow, StaffRow } from './personnel.tables.ts';

/** Work that ends when a person leaves or transfers, run in the acknowledging transaction. */
type DepartureHook = (tx: DbOrTx, staffId: string, until: string) => Promise<unknown>;
const departureHooks: DepartureHook[] = [];

/**
 * Modules that give a person duties (environment's posts) register here what ends with the person's
 * departure, so they depend on personnel and personnel on none of them.
 */
export function onStaffDeparture(hook: DepartureHook): void {
  if (!departureHooks.includes(hook)) departureHooks.push(hook);
}

export async function filingDeadlineDays(db: Db): Promise<number> {
  return (await repo.deadlineSetting(db)) ?? DEFAULT_FILING_DEADLINE_DAYS;
}

export async function setFilingDeadline(db: Db, ctx: RequestContext, days: number): Promise<number> {
  assertMay(ctx.actor, 'personnel.manage');
  const before = await filingDeadlineDays(db);
  await db.transaction(async (tx) => {
    await repo.setDeadline(tx, days);
    await writeAudit(tx, ctx, {
      action: 'personnel.deadline.set',
      entity: 'setting',
      entityId: 'personnel.filingDeadlineDays',
      before: { days: before },
      after: { days },
    });
  });
  return days;
}

async function requireTownship(db: Db, orgId: string) {
  const org = await orgById(db, orgId);
  if (!org || org.disabledAt) throw new AppError(CommonErrors.ORG_NOT_FOUND, { id: orgId });
  if (org.kind !== 'township') throw new AppError(PersonnelErrors.ORG_NOT_TOWNSHIP);
  return org;
}

export async function assignLeader(db: Db, ctx: RequestContext, input: LeaderAssign) {
  assertMay(ctx.actor, 'personnel.manage');
  await requireTownship(db, input.orgId);
  authorize(leaderPolicy, ctx.actor, 'assign', { orgId: input.orgId });
  // One person, one record: a linked leader is named as their account is.
  let name = input.name;
  if (input.userId) {
    const account = (await repo.leaderAccounts(db, input.orgId)).find((a) => a.id === input.userId);
    if (!account) throw new AppError(PersonnelErrors.LEADER_ACCOUNT_INVALID);
    name = account.displayName;
  }
  const values = { ...input, name: name!, userId: input.userId ?? null, createdBy: ctx.actor.userId };
  // Two assignments for one township at once: the current-leader unique index decides, the loser gets LEADER_CHANGED.
  return withPgErrors({ leaders_in_charge_current_uq: PersonnelErrors.LEADER_CHANGED }, () =>
    db.transaction(async (tx) => {
      const previous = await repo.currentLeader(tx, input.orgId);
      // The previous leader's term ends the day the new one starts; history is never overwritten.
      if (previous) await repo.endLeader(tx, previous.id, input.since < previous.since ? previous.since : input.since);
      const row = await repo.insertLeader(tx, values);
      await writeAudit(tx, ctx, {
        action: 'personnel.leader.assign',
        entity: 'leader_in_charge',
        entityId: row.id,
        orgId: input.orgId,
        before: previous ?? null,
        after: row,
      });
      return row;
    }),
  );
}

/** The accounts a township's leader in charge may be linked to (its active leader accounts). */
export async function leaderCandidates(db: Db, ctx: RequestContext, orgId: string) {
  assertMay(ctx.actor, 'personnel.manage');
  await requireTownship(db, orgId);
  authorize(leaderPolicy, ctx.actor, 'assign', { orgId });
  return repo.leaderAccounts(db, orgId);
}

export function listLeaders(db: Db, ctx: RequestContext, opts: { orgId?: string; history?: boolean }) {
  if (opts.orgId) assertSupervisionReadable(ctx.actor, opts.orgId);
  return repo.listLeaders(db, supervisionScope(ctx.actor), opts);
}

/** A township files a change in its own office; the filing waits for the county's acknowledgement. */
export async function submitFiling(db: Db, ctx: RequestContext, input: FilingCreate, today = chinaToday()): Promise<FilingRow> {
  assertMay(ctx.actor, 'personnel.file');
  const orgId = ctx.actor.orgId;
  await requireTownship(db, orgId);
  if (input.changeDate > today) throw new AppError(PersonnelErrors.CHANGE_DATE_FUTURE);
  const deadlineDays = await filingDeadlineDays(db);
  const base = {
    orgId,
    kind: input.kind,
    changeDate: input.changeDate,
    filedBy: ctx.actor.userId,
    deadlineDays,
    late: isFilingLate(input.changeDate, today, deadlineDays),
  };

  let values: Parameters<typeof repo.insertFilings>[1][number];
  if (input.kind === 'join') {
    const idNumber = input.particulars.idNumber;
    if ((await repo.staffByIdNumbers(db, [idNumber])).length > 0 || (await repo.openJoinWithIdNumber(db, [idNumber])).length > 0)
      throw new AppError(PersonnelErrors.ID_NUMBER_FILED, { idNumber });
    const designated = (await repo.activeCount(db, orgId)) + (await repo.openJoinCount(db, orgId));
    if (designated >= STAFF_MAX && !input.reason) throw new AppError(PersonnelErrors.STAFF_LIMIT_REASON_REQUIRED, { count: designated });
    values = { ...base, particulars: input.particulars, reason: input.reason ?? null };
  } else {
    const person = await repo.staffById(db, input.staffId);
    // Another township's person answers exactly like a person who does not exist.
    if (!person || person.orgId !== orgId) throw new AppError(PersonnelErrors.STAFF_NOT_FOUND);
    if (person.status !== 'active') throw new AppError(PersonnelErrors.STAFF_NOT_ACTIVE);
    if (await repo.hasOpenFiling(db, person.id)) throw new AppError(PersonnelErrors.FILING_OPEN);
    if (input.kind === 'transfer') {
      const target = await orgById(db, input.toOrgId);
      if (!target || target.kind !== 'township' || target.id === orgId || target.disabledAt)
        throw new AppError(PersonnelErrors.TRANSFER_TARGET_INVALID);
      values = { ...base, staffId: person.id, toOrgId: target.id, reason: input.reason ?? null };
    } else if (input.kind === 'leave') {
      values = { ...base, staffId: person.id, reason: input.reason };
    } else {
      values = { ...base, staffId: person.id, particulars: input.particulars };
    }
  }
  try {
    return await db.transaction(async (tx) => {
      const [row] = await repo.insertFilings(tx, [values]);
      await writeAudit(tx, ctx, { action: `personnel.filing.${input.kind}`, entity: 'staff_filing', entityId: row!.id, after: row });
      return row!;
    });
  } catch (err) {
    // Two filings racing for one person (or one new ID number): the open-filing unique indexes decide.
    mapPgError(err, {
      staff_filings_open_staff_uq: PersonnelErrors.FILING_OPEN,
      staff_filings_open_join_uq: new AppError(PersonnelErrors.ID_NUMBER_FILED, {
        idNumber: input.kind === 'join' ? input.particulars.idNumber : '',
      }),
    });
  }
}

function staffValues(p: StaffParticulars) {
  return {
    idNumber: p.idNumber,
    name: p.name,
    gender: p.gender,
    birthDate: p.birthDate,
    ethnicity: p.ethnicity,
    politicalStatus: p.politicalStatus,
    education: p.education,
    major: p.major,
    post: p.post,
    officeRole: p.officeRole,
    phone: p.phone,
    startDate: p.startDate,
  };
}
export { staffValues };

/** Only the particulars a filing names, so every other field of the person survives it. */
function namedParticulars(particulars: Record<string, unknown>): Partial<StaffRow> {
  const change: Record<string, unknown> = {};
  for (const key of CHANGEABLE_PARTICULARS) if (particulars[key] !== undefined) change[key] = particulars[key];
  return change as Partial<StaffRow>;
}

/** The county acknowledges a filing (the change enters the database) or returns it with a reason. */
export async function decideFiling(
  db: Db,
  ctx: RequestContext,
  id: string,
  decision: { decision: 'acknowledge' } | { decision: 'return'; reason: string },
) {
  assertMay(ctx.actor, 'personnel.acknowledge');
  const filing = await repo.filingById(db, id);
  if (!filing) throw new AppError(PersonnelErrors.FILING_NOT_FOUND);
  authorize(filingPolicy, ctx.actor, decision.decision, filing);
  const decided = { decidedAt: new Date(), decidedBy: ctx.actor.userId };
  try {
    return await db.transaction(async (tx) => {
      if (decision.decision === 'return') {
        const row = await repo.updateFiling(tx, id, { ...decided, state: 'returned', returnReason: decision.reason });
        await writeAudit(tx, ctx, {
          action: 'personnel.filing.return',
          entity: 'staff_filing',
          entityId: id,
          orgId: filing.orgId,
          before: filing,
          after: row,
        });
        return row;
      }
      let staffId = filing.staffId;
      let before: StaffRow | null = null;
      let after: StaffRow;
      if (filing.kind === 'join') {
        const p = filing.particulars as unknown as StaffParticulars;
        [after] = (await repo.insertStaff(tx, [{ ...staffValues(p), orgId: filing.orgId, designationReason: filing.reason }])) as [
          StaffRow,
        ];
        staffId = after.id;
      } else {
        before = (await repo.staffById(tx, staffId!))!;
        if (before.status !== 'active') throw new AppError(PersonnelErrors.STAFF_NOT_ACTIVE);
        const change: Partial<StaffRow> =
          filing.kind === 'leave'
            ? { status: 'left', leftOn: filing.changeDate }
            : filing.kind === 'transfer'
              ? { orgId: filing.toOrgId! }
              : namedParticulars(filing.particulars);
        after = await repo.updateStaff(tx, before.id, change);
        if (filing.kind !== 'particulars') for (const hook of departureHooks) await hook(tx, before.id, filing.changeDate);
      }
      const row = await repo.updateFiling(tx, id, { ...decided, state: 'acknowledged', staffId });
      await writeAudit(tx, ctx, {
        action: 'personnel.filing.acknowledge',
        entity: 'staff_filing',
        entityId: id,
        orgId: filing.orgId,
        before: { filing, staff: before },
        after: { filing: row, staff: after },
      });
      return row;
    });
  } catch (err) {
    mapPgError(err, {
      staff_id_number_key: new AppError(PersonnelErrors.ID_NUMBER_FILED, {
        idNumber: String((filing.particulars as { idNumber?: string }).idNumber ?? ''),
      }),
    });
  }
}

export function listFilings(
  db: Db,
  ctx: RequestContext,
  opts: { orgId?: string; state?: FilingRow['state']; late?: boolean; staffId?: string },
) {
  if (opts.orgId) assertSupervisionReadable(ctx.actor, opts.orgId);
  return repo.listFilings(db, supervisionScope(ctx.actor), { ...opts, limit: 500 });
}

export function listStaff(db: Db, ctx: RequestContext, opts: { orgId?: string; status?: 'active' | 'left' }) {
  if (opts.orgId) assertSupervisionReadable(ctx.actor, opts.orgId);
  return repo.listStaff(db, supervisionScope(ctx.actor), opts);
}

/** One person's record and every acknowledged or pending filing about them. */
export async function staffHistory(db: Db, ctx: RequestContext, staffId: string) {
  const person = await repo.staffById(db, staffId);
  if (!person) throw new AppError(PersonnelErrors.STAFF_NOT_FOUND);
  assertSupervisionReadable(ctx.actor, person.orgId);
  const filings = await repo.listFilings(db, { kind: 'all' }, { staffId, limit: 500 });
  return { person, filings };
}

/**
 * One staff member's full ID number, for the roles that manage filing (personnel.policy.ts); each
 * reveal is audited (which record, which field — never the number itself).
 */
export async function revealStaffIdNumber(db: Db, ctx: RequestContext, staffId: string): Promise<string> {
  const person = await repo.staffById(db, staffId);
  if (!person) throw new AppError(PersonnelErrors.STAFF_NOT_FOUND);
  authorize(staffPolicy, ctx.actor, 'revealIdNumber', person);
  await db.transaction((tx) =>
    writeAudit(tx, ctx, {
      action: 'personnel.staff.reveal',
      entity: 'staff',
      entityId: person.id,
      orgId: person.orgId,
      after: { fields: ['idNumber'] },
    }),
  );
  return person.idNumber;
}

/** The ID number a filing carries (a join, or a change of particulars), under the same rule. */
export async function revealFilingIdNumber(db: Db, ctx: RequestContext, filingId: string): Promise<string> {
  const filing = await repo.filingById(db, filingId);
  if (!filing) throw new AppError(PersonnelErrors.FILING_NOT_FOUND);
  authorize(filingPolicy, ctx.actor, 'revealIdNumber', filing);
  const idNumber = (filing.particulars as { idNumber: string }).idNumber;
  await db.transaction((tx) =>
    writeAudit(tx, ctx, {
      action: 'personnel.filing.reveal',
      entity: 'staff_filing',
      entityId: filing.id,
      orgId: filing.orgId,
      after: { fields: ['idNumber'] },
    }),
  );
  return idNumber;
}

/** The database's structure: age bands, education and tenure of the active staff. */
export async function staffStructure(db: Db, ctx: RequestContext, opts: { orgId?: string }, today = chinaToday()) {
  const rows = await listStaff(db, ctx, { ...opts, status: 'active' });
  const tally = <K extends string>(keys: readonly K[], pick: (s: StaffRow) => K) => {
    const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
    for (const r of rows) out[pick(r.staff)]++;
    return out;
  };
  return {
    total: rows.length,
    ageBands: tally(AGE_BANDS, (s) => ageBand(s.birthDate, today)),
    education: tally(EDUCATION_LEVELS, (s) => s.education),
    tenure: tally(TENURE_BANDS, (s) => tenureBand(s.startDate, today)),
  };
}
