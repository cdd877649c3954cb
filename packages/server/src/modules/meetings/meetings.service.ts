import { chinaToday } from '@township-office/domain/dates';
import { MeetingErrors } from '@township-office/domain/meetings.errors';
import type { FollowUpCreate, MeetingAmend, MeetingCreate, MeetingUpdate } from '@township-office/domain/meetings';
import type { Db, DbOrTx } from '../../db/client.ts';
import { assertMay, assertReadableOrg, orgScope } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound, withPgErrors } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { listOrgs } from '../orgs/orgs.service.ts';
import { draftDocument } from '../documents/documents.service.ts';
import { meetingsRepository, type FollowUpFilter, type MeetingFilter } from './meetings.repository.ts';
import { followUpPolicy, meetingPolicy } from './meetings.policy.ts';
import type { FollowUpRow, MeetingRow } from './meetings.tables.ts';

/** A meeting the caller may read (another org's answers 404), locked for the transaction when `lock`. */
async function loadMeeting(db: DbOrTx, ctx: RequestContext, id: string, lock = false): Promise<MeetingRow> {
  const m = await meetingsRepository.byId(db, id, lock);
  if (!m) throw notFound();
  assertReadableOrg(ctx.actor, m.orgId);
  return m;
}

async function loadFollowUp(db: DbOrTx, ctx: RequestContext, id: string, lock = false): Promise<FollowUpRow> {
  const f = await meetingsRepository.followUpById(db, id, lock);
  if (!f) throw notFound();
  assertReadableOrg(ctx.actor, f.orgId);
  return f;
}

export async function listMeetings(db: Db, ctx: RequestContext, f: MeetingFilter, page: { page: number; pageSize: number }) {
  return meetingsRepository.list(db, orgScope(ctx.actor), f, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
}

export async function getMeeting(db: Db, ctx: RequestContext, id: string) {
  const m = await loadMeeting(db, ctx, id);
  const [amendments, followUps] = await Promise.all([meetingsRepository.amendments(db, id), meetingsRepository.followUpsOfMeeting(db, id)]);
  return { meeting: m, amendments, followUps };
}

async function people(db: Db, orgId: string, hostUserId: string, recorderUserId: string) {
  const found = await meetingsRepository.orgUsers(db, orgId, [hostUserId, recorderUserId]);
  const host = found.find((u) => u.id === hostUserId);
  const recorder = found.find((u) => u.id === recorderUserId);
  if (!host || !recorder) throw new AppError(MeetingErrors.MEETING_PERSON_NOT_IN_ORG);
  return { hostName: host.displayName, recorderName: recorder.displayName };
}

async function checkAttendingOrgs(db: Db, kind: string, ids: string[]) {
  if (kind !== 'exchange') {
    if (ids.length) throw new AppError(MeetingErrors.MEETING_BAD_ATTENDING_ORG);
    return;
  }
  const all = await listOrgs(db);
  const townships = new Set(all.filter((o) => o.kind === 'township').map((o) => o.id));
  if (ids.some((id) => !townships.has(id))) throw new AppError(MeetingErrors.MEETING_BAD_ATTENDING_ORG);
}

export async function createMeeting(db: Db, ctx: RequestContext, input: MeetingCreate): Promise<MeetingRow> {
  assertMay(ctx.actor, 'meetings.record');
  const orgId = ctx.actor.orgId;
  const names = await people(db, orgId, input.hostUserId, input.recorderUserId);
  const attendingOrgIds = [...new Set(input.attendingOrgIds)];
  await checkAttendingOrgs(db, input.kind, attendingOrgIds);
  return db.transaction(async (tx) => {
    const row = await meetingsRepository.insert(tx, {
      orgId,
      kind: input.kind,
      title: input.title,
      startsAt: new Date(input.startsAt),
      place: input.place,
      hostUserId: input.hostUserId,
      recorderUserId: input.recorderUserId,
      ...names,
      attendees: input.attendees,
      absentees: input.absentees,
      nonVoting: input.nonVoting,
      attendingOrgIds,
      items: input.items,
      createdBy: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, { action: 'meeting.create', entity: 'meeting', entityId: row.id, orgId, after: row });
    return row;
  });
}

export async function updateMeeting(db: Db, ctx: RequestContext, id: string, input: MeetingUpdate): Promise<MeetingRow> {
  assertMay(ctx.actor, 'meetings.record');
  return db.transaction(async (tx) => {
    const m = await loadMeeting(tx, ctx, id, true);
    authorize(meetingPolicy, ctx.actor, 'edit', m);
    const host = input.hostUserId ?? m.hostUserId;
    const recorder = input.recorderUserId ?? m.recorderUserId;
    const names = await people(db, m.orgId, host, recorder);
    const kind = input.kind ?? m.kind;
    const attendingOrgIds = input.attendingOrgIds ? [...new Set(input.attendingOrgIds)] : m.attendingOrgIds;
    await checkAttendingOrgs(db, kind, attendingOrgIds);
    const { startsAt, ...rest } = input;
    const row = await meetingsRepository.update(tx, id, {
      ...rest,
      ...names,
      attendingOrgIds,
      ...(startsAt ? { startsAt: new Date(startsAt) } : {}),
    });
    await writeAudit(tx, ctx, { action: 'meeting.update', entity: 'meeting', entityId: id, orgId: m.orgId, before: m, after: row });
    return row;
  });
}

export async function finaliseMeeting(db: Db, ctx: RequestContext, id: string): Promise<MeetingRow> {
  assertMay(ctx.actor, 'meetings.record');
  return db.transaction(async (tx) => {
    const m = await loadMeeting(tx, ctx, id, true);
    authorize(meetingPolicy, ctx.actor, 'finalise', m);
    const row = await meetingsRepository.update(tx, id, { status: 'finalised', finalisedAt: new Date() });
    await writeAudit(tx, ctx, {
      action: 'meeting.finalise',
      entity: 'meeting',
      entityId: id,
      orgId: m.orgId,
      before: { status: m.status },
      after: { status: row.status },
    });
    return row;
  });
}

export async function confirmMeeting(db: Db, ctx: RequestContext, id: string): Promise<MeetingRow> {
  assertMay(ctx.actor, 'meetings.record');
  return db.transaction(async (tx) => {
    const m = await loadMeeting(tx, ctx, id, true);
    authorize(meetingPolicy, ctx.actor, 'confirm', m);
    const row = await meetingsRepository.update(tx, id, { status: 'confirmed', confirmedAt: new Date() });
    await writeAudit(tx, ctx, {
      action: 'meeting.confirm',
      entity: 'meeting',
      entityId: id,
      orgId: m.orgId,
      before: { status: m.status },
      after: { status: row.status },
    });
    return row;
  });
}

/** A correction to finalised minutes: applied, kept as an amendment row, and audited on its own. */
export async function amendMeeting(db: Db, ctx: RequestContext, id: string, input: MeetingAmend): Promise<MeetingRow> {
  assertMay(ctx.actor, 'meetings.record');
  return db.transaction(async (tx) => {
    const m = await loadMeeting(tx, ctx, id, true);
    authorize(meetingPolicy, ctx.actor, 'amend', m);
    const { reason, ...changes } = input;
    const before: Record<string, unknown> = {};
    for (const k of Object.keys(changes) as (keyof typeof changes)[]) before[k] = m[k];
    const amendment = await meetingsRepository.insertAmendment(tx, {
      orgId: m.orgId,
      meetingId: id,
      reason,
      before,
      after: changes,
      amendedBy: ctx.actor.userId,
      amendedByName: ctx.actor.displayName,
    });
    const row = await meetingsRepository.update(tx, id, { ...changes, amendmentCount: m.amendmentCount + 1 });
    await writeAudit(tx, ctx, {
      action: 'meeting.amend',
      entity: 'meeting',
      entityId: id,
      orgId: m.orgId,
      before,
      after: { ...changes, reason, amendmentId: amendment.id },
    });
    return row;
  });
}

export async function listFollowUps(db: Db, ctx: RequestContext, f: FollowUpFilter, page: { page: number; pageSize: number }) {
  return meetingsRepository.listFollowUps(db, orgScope(ctx.actor), f, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
}

export async function getFollowUp(db: Db, ctx: RequestContext, id: string) {
  const f = await loadFollowUp(db, ctx, id);
  return { followUp: f, progress: await meetingsRepository.progress(db, id) };
}

export async function createFollowUp(db: Db, ctx: RequestContext, input: FollowUpCreate) {
  assertMay(ctx.actor, 'followUps.manage');
  return withPgErrors({ follow_ups_meeting_id_item_index_decision_index_key: MeetingErrors.FOLLOW_UP_EXISTS }, () =>
    db.transaction(async (tx) => {
      const m = await loadMeeting(tx, ctx, input.meetingId, true);
      authorize(meetingPolicy, ctx.actor, 'followUp', m);
      const decision = m.items[input.itemIndex]?.decisions[input.decisionIndex];
      if (!decision) throw new AppError(MeetingErrors.DECISION_NOT_FOUND);
      const row = await meetingsRepository.insertFollowUp(tx, {
        orgId: m.orgId,
        meetingId: m.id,
        itemIndex: input.itemIndex,
        decisionIndex: input.decisionIndex,
        decisionText: decision,
        ownerName: input.ownerName,
        ownerUnit: input.ownerUnit ?? null,
        deadline: input.deadline,
        createdBy: ctx.actor.userId,
      });
      await writeAudit(tx, ctx, { action: 'followUp.create', entity: 'follow_up', entityId: row.id, orgId: m.orgId, after: row });
      return row;
    }),
  );
}

export async function addFollowUpProgress(db: Db, ctx: RequestContext, id: string, input: { note: string; on: string }) {
  assertMay(ctx.actor, 'followUps.manage');
  return db.transaction(async (tx) => {
    const f = await loadFollowUp(tx, ctx, id, true);
    authorize(followUpPolicy, ctx.actor, 'progress', f);
    const p = await meetingsRepository.insertProgress(tx, {
      orgId: f.orgId,
      followUpId: id,
      onDay: input.on,
      note: input.note,
      byUserId: ctx.actor.userId,
      byName: ctx.actor.displayName,
    });
    await writeAudit(tx, ctx, { action: 'followUp.progress', entity: 'follow_up', entityId: id, orgId: f.orgId, after: p });
    return f;
  });
}

export async function closeFollowUp(db: Db, ctx: RequestContext, id: string, input: { result: string; closedOn: string }) {
  assertMay(ctx.actor, 'followUps.manage');
  return db.transaction(async (tx) => {
    const f = await loadFollowUp(tx, ctx, id, true);
    authorize(followUpPolicy, ctx.actor, 'close', f);
    const row = await meetingsRepository.updateFollowUp(tx, id, {
      status: 'closed',
      result: input.result,
      closedOn: input.closedOn,
      closedBy: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, {
      action: 'followUp.close',
      entity: 'follow_up',
      entityId: id,
      orgId: f.orgId,
      before: { status: f.status },
      after: { status: row.status, result: row.result, closedOn: row.closedOn },
    });
    return row;
  });
}

/** A 纪要 drafted from finalised minutes through the documents module's own drafting operation. */
export async function draftSummaryFromMinutes(db: Db, ctx: RequestContext, id: string, input: { mainRecipientOrgIds: string[] }) {
  assertMay(ctx.actor, 'meetings.record');
  const m = await loadMeeting(db, ctx, id);
  authorize(meetingPolicy, ctx.actor, 'draftSummary', m);
  const body = [
    `${chinaToday(m.startsAt)}，${m.hostName}主持召开${m.title}。会议研究了以下事项：`,
    ...m.items.flatMap((it, i) => [
      `${'一二三四五六七八九十'[i] ?? String(i + 1)}、${it.title}`,
      ...it.decisions.map((d, j) => `（${j + 1}）${d}`),
    ]),
    `出席：${m.attendees.join('、')}`,
    // GB/T 9704 10.3: the 纪要 prints 出席, then 请假 and 列席, each as a list of its own.
    ...(m.absentees.length > 0 ? [`请假：${m.absentees.map((a) => (a.reason ? `${a.name}（${a.reason}）` : a.name)).join('、')}`] : []),
    ...(m.nonVoting.length > 0 ? [`列席：${m.nonVoting.join('、')}`] : []),
  ].join('\n');
  return draftDocument(db, ctx, {
    docType: '纪要',
    title: `${m.title}纪要`,
    body,
    mainRecipientOrgIds: input.mainRecipientOrgIds,
    copyRecipientOrgIds: [],
    urgency: 'none',
    classification: 'none',
    remark: `据会议记录 ${m.id} 起草`,
  });
}
