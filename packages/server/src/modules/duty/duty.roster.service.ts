import { chinaToday } from '@township-office/domain/dates';
import { DutyErrors } from '@township-office/domain/duty.errors';
import {
  generateRotation,
  HOLIDAY_ROSTER_LEAD_DAYS,
  type RosterDayUpdate,
  type RosterGenerate,
  type SwapCreate,
} from '@township-office/domain/duty';
import { eachDay, shiftDay, type HolidayPeriod } from '@township-office/domain/holidays';
import type { Db } from '../../db/client.ts';
import { assertMay, assertReadableOrg, orgScope } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound, withPgErrors } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { swapPolicy } from './duty.policy.ts';
import { dutyRepository } from './duty.repository.ts';

export function getRoster(db: Db, ctx: RequestContext, q: { from: string; to: string; orgId?: string }) {
  return dutyRepository.roster(db, orgScope(ctx.actor), q);
}

/** Draws the roster for a period from a rotation over named people, in one audited batch. */
export async function generateRoster(db: Db, ctx: RequestContext, g: RosterGenerate) {
  assertMay(ctx.actor, 'duty.keep');
  const orgId = ctx.actor.orgId;
  const days = generateRotation(g);
  return db.transaction(async (tx) => {
    const rows = await dutyRepository.upsertRoster(
      tx,
      days.map((d) => ({
        orgId,
        day: d.day,
        leaderName: d.leaderName,
        staffNames: d.staffNames,
        source: 'rotation' as const,
        updatedBy: ctx.actor.userId,
      })),
      !g.overwrite,
    );
    await writeAudit(tx, ctx, {
      action: 'duty.roster.generate',
      entity: 'duty_roster',
      orgId,
      after: {
        from: g.from,
        to: g.to,
        mode: g.mode,
        leaders: g.leaders,
        staff: g.staff,
        staffPerDay: g.staffPerDay,
        daysWritten: rows.length,
      },
    });
    return rows;
  });
}

export async function setRosterDay(db: Db, ctx: RequestContext, day: string, input: RosterDayUpdate) {
  assertMay(ctx.actor, 'duty.keep');
  if (!input.leaderName) throw new AppError(DutyErrors.ROSTER_NEEDS_LEADER);
  if (!input.staffNames.length) throw new AppError(DutyErrors.ROSTER_NEEDS_STAFF);
  const orgId = ctx.actor.orgId;
  return db.transaction(async (tx) => {
    const before = await dutyRepository.rosterDay(tx, orgId, day, true);
    const [row] = await dutyRepository.upsertRoster(
      tx,
      [
        {
          orgId,
          day,
          leaderName: input.leaderName,
          staffNames: [...new Set(input.staffNames)],
          source: 'manual',
          note: input.note ?? null,
          updatedBy: ctx.actor.userId,
        },
      ],
      false,
    );
    await writeAudit(tx, ctx, {
      action: 'duty.roster.edit',
      entity: 'duty_roster',
      entityId: row!.id,
      orgId,
      before: before ?? null,
      after: row,
    });
    return row!;
  });
}

export function listSwaps(db: Db, ctx: RequestContext, orgId?: string) {
  return dutyRepository.swaps(db, orgScope(ctx.actor), orgId);
}

export async function requestSwap(db: Db, ctx: RequestContext, input: SwapCreate) {
  assertMay(ctx.actor, 'duty.keep');
  const orgId = ctx.actor.orgId;
  const day = await dutyRepository.rosterDay(db, orgId, input.day);
  if (!day) throw new AppError(DutyErrors.ROSTER_DAY_MISSING, { day: input.day });
  const onDuty = input.role === 'leader' ? [day.leaderName] : day.staffNames;
  if (!onDuty.includes(input.fromName)) throw new AppError(DutyErrors.SWAP_NOT_ON_ROSTER, { name: input.fromName, day: input.day });
  return db.transaction(async (tx) => {
    const row = await dutyRepository.insertSwap(tx, { orgId, ...input, requestedBy: ctx.actor.userId });
    await writeAudit(tx, ctx, { action: 'duty.swap.request', entity: 'duty_swap', entityId: row.id, orgId, after: row });
    return row;
  });
}

/** Approving a swap rewrites that day's roster; both happen in one transaction with one audit row. */
export async function decideSwap(db: Db, ctx: RequestContext, id: string, approve: boolean) {
  assertMay(ctx.actor, 'duty.approveSwap');
  return db.transaction(async (tx) => {
    const swap = await dutyRepository.swapById(tx, id);
    if (!swap) throw notFound();
    assertReadableOrg(ctx.actor, swap.orgId);
    authorize(swapPolicy, ctx.actor, approve ? 'approve' : 'reject', swap);
    let roster = null;
    if (approve) {
      const day = await dutyRepository.rosterDay(tx, swap.orgId, swap.day, true);
      const onDuty = swap.role === 'leader' ? [day?.leaderName] : (day?.staffNames ?? []);
      if (!day || !onDuty.includes(swap.fromName))
        throw new AppError(DutyErrors.SWAP_NOT_ON_ROSTER, { name: swap.fromName, day: swap.day });
      const leaderName = swap.role === 'leader' ? swap.toName : day.leaderName;
      const staffNames =
        swap.role === 'staff' ? [...new Set(day.staffNames.map((n) => (n === swap.fromName ? swap.toName : n)))] : day.staffNames;
      [roster] = await dutyRepository.upsertRoster(
        tx,
        [
          {
            orgId: swap.orgId,
            day: swap.day,
            leaderName,
            staffNames,
            source: 'swap',
            note: `调班：${swap.fromName}→${swap.toName}`,
            updatedBy: ctx.actor.userId,
          },
        ],
        false,
      );
    }
    const row = await dutyRepository.updateSwap(tx, id, {
      status: approve ? 'approved' : 'rejected',
      decidedBy: ctx.actor.userId,
      decidedAt: new Date(),
    });
    await writeAudit(tx, ctx, {
      action: approve ? 'duty.swap.approve' : 'duty.swap.reject',
      entity: 'duty_swap',
      entityId: id,
      orgId: swap.orgId,
      before: { status: swap.status },
      after: { status: row.status, roster },
    });
    return row;
  });
}

export function listHolidays(db: Db, year?: number) {
  return dutyRepository.holidays(db, year);
}

export async function createHoliday(db: Db, ctx: RequestContext, input: HolidayPeriod) {
  assertMay(ctx.actor, 'calendar.manage');
  const exists = new AppError(DutyErrors.HOLIDAY_EXISTS, { name: input.name, startsOn: input.startsOn });
  return withPgErrors({ holiday_periods_starts_on_name_key: exists }, () =>
    db.transaction(async (tx) => {
      const row = await dutyRepository.insertHoliday(tx, {
        orgId: ctx.actor.orgId,
        name: input.name,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        makeupWorkdays: input.makeupWorkdays,
        createdBy: ctx.actor.userId,
      });
      await writeAudit(tx, ctx, { action: 'calendar.holiday.create', entity: 'holiday_period', entityId: row.id, after: row });
      return row;
    }),
  );
}

export function holidayRosterDueOn(startsOn: string): string {
  return shiftDay(startsOn, -HOLIDAY_ROSTER_LEAD_DAYS);
}

/** A township submits its roster for a holiday: every day of it must be on the roster; late is recorded, not refused. */
export async function submitHolidayRoster(db: Db, ctx: RequestContext, holidayId: string, note?: string) {
  assertMay(ctx.actor, 'duty.keep');
  const holiday = await dutyRepository.holidayById(db, holidayId);
  if (!holiday) throw new AppError(DutyErrors.HOLIDAY_NOT_FOUND);
  const orgId = ctx.actor.orgId;
  const reporting = await dutyRepository.reportingOrgs(db);
  if (!reporting.some((o) => o.id === orgId)) throw new AppError(DutyErrors.HOLIDAY_ONLY_TOWNSHIPS);
  const roster = await dutyRepository.roster(db, { kind: 'orgs', orgIds: [orgId] }, { from: holiday.startsOn, to: holiday.endsOn });
  const covered = new Set(roster.map((r) => r.day));
  const missing = eachDay(holiday.startsOn, holiday.endsOn).find((d) => !covered.has(d));
  if (missing) throw new AppError(DutyErrors.ROSTER_DAY_MISSING, { day: missing });
  const today = chinaToday();
  return withPgErrors({ duty_holiday_submissions_org_id_holiday_id_key: DutyErrors.HOLIDAY_ALREADY_SUBMITTED }, () =>
    db.transaction(async (tx) => {
      const row = await dutyRepository.insertSubmission(tx, {
        orgId,
        holidayId,
        submittedOn: today,
        submittedBy: ctx.actor.userId,
        late: today > holidayRosterDueOn(holiday.startsOn),
        note: note ?? null,
      });
      await writeAudit(tx, ctx, {
        action: 'duty.holidayRoster.submit',
        entity: 'duty_holiday_submission',
        entityId: row.id,
        orgId,
        after: { ...row, roster },
      });
      return row;
    }),
  );
}

/** For the county office: who has submitted the roster for a holiday, who late, who not yet. */
export async function holidaySubmissionStatus(db: Db, holidayId: string) {
  const holiday = await dutyRepository.holidayById(db, holidayId);
  if (!holiday) throw new AppError(DutyErrors.HOLIDAY_NOT_FOUND);
  const [orgs, subs] = await Promise.all([dutyRepository.reportingOrgs(db), dutyRepository.submissions(db, holidayId)]);
  const byOrg = new Map(subs.map((s) => [s.orgId, s]));
  return {
    holiday: { ...holiday, dueOn: holidayRosterDueOn(holiday.startsOn) },
    orgs: orgs.map((o) => {
      const s = byOrg.get(o.id);
      return { orgId: o.id, orgName: o.name, kind: o.kind, submitted: !!s, submittedOn: s?.submittedOn ?? null, late: s?.late ?? false };
    }),
  };
}
