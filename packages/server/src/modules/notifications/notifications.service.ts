/**
 * The notification centre and the reminder engine. The engine has no list of deadlines of its own:
 * it reads every module's to-dos (the providers), so every deadline a module reports — 承办
 * deadlines, 24-hour receipts, follow-ups, petitions' statutory periods, filings, loans, assessment
 * windows — is reminded the same way: before it (`REMINDER_DAYS_BEFORE`), on the day, once after it,
 * and then also to the office's leaders in charge. New to-dos that are news (a delivery, an
 * instruction asked of me, a returned draft) are announced once. The job's sweep is set-based and
 * incremental (notifications.sweep.ts); the bell's catch-up for one person (`listNotifications`) is
 * the per-person form below, over the page's own capped to-dos.
 *
 * Idempotent and safe with several server processes: every event has a key unique per person in
 * SQL (`ON CONFLICT DO NOTHING`, and the keys a digest stands for), and a sweep holds a
 * transaction-scoped advisory lock, so a second process finds the work done. New rows are announced
 * over the documents' LISTEN/NOTIFY stream (`notification.created`), so the bell updates live.
 */
import { sql } from 'drizzle-orm';
import { chinaToday } from '@township-office/domain/dates';
import { NEWS_KINDS, reminderStage, type NotificationStage } from '@township-office/domain/notifications';
import { roleMay, type Action } from '@township-office/domain/permissions';
import type { TodoKind } from '@township-office/domain/workbench';
import type { Notification } from '@township-office/domain/notifications.api';
import type { TodoItem } from '@township-office/domain/workbench.api';
import type { Db, Tx } from '../../db/client.ts';
import { writeAudit } from '../../platform/audit.ts';
import { systemContext, type Actor, type RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { CommonErrors } from '@township-office/domain/errors';
import { readsBusinessRecords } from '@township-office/domain/roles';
import { notify } from '../documents/documents.events.ts';
import { actingForOn } from '../accounts/delegations.service.ts';
import { workbench } from '../workbench/workbench.service.ts';
import { TODO_PROVIDERS } from '../workbench/workbench.providers.ts';
import { sweepEveryone } from './notifications.sweep.ts';
import { notificationPolicy } from './notifications.policy.ts';
import { presentNotification } from './notifications.presenter.ts';
import { notificationsRepository as repo, type NewNotification } from './notifications.repository.ts';

/** Any number will do as long as no other job takes it: the documents reminders use 7201100. */
const SWEEP_LOCK = 7201101;

function assertBusinessReader(ctx: RequestContext) {
  if (!readsBusinessRecords(ctx.actor.role)) throw new AppError(CommonErrors.FORBIDDEN_ROLE);
}

const base = (actor: Actor, i: TodoItem) => ({
  orgId: actor.orgId,
  userId: actor.userId,
  todoKind: i.kind,
  recordId: i.recordId,
  title: i.title,
  subject: i.subject,
  href: i.href,
  dueAt: i.dueAt,
});

/**
 * A reminder's key names the deadline it is about (the instant, in one canonical form), not only the
 * record: when a record gets a new deadline — a delivery re-sent (补发) restarts its 24 hours, a 承办
 * deadline is extended — its reminders ring again for the new one, and still once per deadline and
 * stage. Migration 1150 gave the keys sent before this the same suffix from their `due_at`.
 */
const deadlineKey = (stage: string, i: TodoItem) => `${stage}:${i.kind}:${i.recordId}@${new Date(i.dueAt!).toISOString()}`;

type Stage = { stage: 'before' | 'due' | 'overdue'; days: number | null; key: string } | null;

/**
 * The reminder stage of each deadline instant at `now`, worked out once per instant: a county's
 * deadlines fall on a few days' ends, so a sweep over a million of them computes a handful.
 */
function stagesAt(now: Date): (dueAt: string) => Stage {
  const memo = new Map<string, Stage>();
  return (dueAt) => {
    let s = memo.get(dueAt);
    if (s === undefined) {
      const r = reminderStage(new Date(dueAt), now);
      s = r && { ...r, key: r.stage === 'before' ? `before${r.days}` : r.stage };
      memo.set(dueAt, s);
    }
    return s;
  };
}

/** The events one person's to-dos call for now: news, the reminder of the day, and (for leaders) what is overdue in their office. */
function eventsFor(
  actor: Actor,
  items: TodoItem[],
  stageOf: (dueAt: string) => Stage,
): { news: NewNotification[]; reminders: NewNotification[]; overdue: TodoItem[] } {
  const news: NewNotification[] = [];
  const reminders: NewNotification[] = [];
  const overdue: TodoItem[] = [];
  for (const i of items) {
    if (NEWS_KINDS.includes(i.kind))
      news.push({ ...base(actor, i), stage: 'new', daysLeft: null, eventKey: `new:${i.kind}:${i.recordId}`, silent: false });
    if (!i.dueAt) continue;
    const r = stageOf(i.dueAt);
    if (!r) continue;
    reminders.push({ ...base(actor, i), stage: r.stage, daysLeft: r.days, eventKey: deadlineKey(r.key, i), silent: false });
    if (r.stage === 'overdue' && actor.role !== 'leader_in_charge') overdue.push(i);
  }
  return { news, reminders, overdue };
}

/** Rows per INSERT: one person's to-dos in a busy office can be tens of thousands of events. */
const INSERT_BATCH = 5000;

type Sent = Awaited<ReturnType<typeof repo.insertNew>>;

/** Keys checked per round trip before writing (two short values a row, so more rows than `INSERT_BATCH`). */
const CHECK_BATCH = 20_000;

/** Writes the rows not stored yet: first asks which are new by their keys alone, then inserts those (still ON CONFLICT DO NOTHING). */
async function insertBatched(tx: Tx, rows: NewNotification[]): Promise<Sent> {
  let out: Sent = [];
  for (let c = 0; c < rows.length; c += CHECK_BATCH) {
    const fresh = await repo.unsent(tx, rows.slice(c, c + CHECK_BATCH));
    for (let i = 0; i < fresh.length; i += INSERT_BATCH) out = out.concat(await repo.insertNew(tx, fresh.slice(i, i + INSERT_BATCH)));
  }
  return out;
}

type TodosOf = (tx: Tx, ctx: RequestContext, now: Date) => Promise<TodoItem[]>;

/**
 * Writes the events of these people's to-dos not sent yet; returns how many were new. Runs inside the
 * caller's transaction, one person at a time, so memory holds one person's events, not the county's.
 */
async function sweep(
  tx: Tx,
  by: Pick<RequestContext, 'ip'> & { actor: Actor | null },
  actors: Actor[],
  now: Date,
  todosOf: TodosOf,
): Promise<number> {
  const escalate = new Map<string, { orgId: string; item: TodoItem }>();
  // Who was told, per office (for the bell's live update), and how many events: not the events
  // themselves, which at a county's scale are millions.
  const told = new Map<string, Set<string>>();
  let count = 0;
  const record = (sent: Sent) => {
    count += sent.length;
    for (const s of sent) {
      const users = told.get(s.orgId);
      if (users) users.add(s.userId);
      else told.set(s.orgId, new Set([s.userId]));
    }
  };
  const stageOf = stagesAt(now);
  for (const actor of actors) {
    const items = await todosOf(tx, systemContext(actor, 'reminders'), now);
    const { news, reminders, overdue } = eventsFor(actor, items, stageOf);
    const sentNews = await insertBatched(tx, news);
    // A reminder arriving with its item's announcement is stored read: one line in the bell, not two.
    const announced = new Set(sentNews.map((n) => n.eventKey.slice('new:'.length)));
    for (const r of reminders) r.silent = announced.has(`${r.todoKind}:${r.recordId}`) && r.stage !== 'overdue';
    record(sentNews);
    record(await insertBatched(tx, reminders));
    for (const i of overdue) escalate.set(`${actor.orgId}:${i.kind}:${i.recordId}`, { orgId: actor.orgId, item: i });
  }
  const leaders = await repo.leadersOf(tx, [...new Set([...escalate.values()].map((e) => e.orgId))]);
  const leadersOf = new Map<string, string[]>();
  for (const l of leaders) leadersOf.set(l.orgId, [...(leadersOf.get(l.orgId) ?? []), l.userId]);
  const escalations: NewNotification[] = [];
  for (const { orgId, item } of escalate.values())
    for (const userId of leadersOf.get(orgId) ?? [])
      escalations.push({
        ...base({ userId, orgId } as Actor, item),
        stage: 'escalated',
        daysLeft: null,
        eventKey: deadlineKey('escalated', item),
        silent: false,
      });
  record(await insertBatched(tx, escalations));
  if (count === 0) return 0;
  for (const [orgId, users] of told) await notify(tx, { type: 'notification.created', orgIds: [orgId], userIds: [...users] });
  await writeAudit(tx, by, {
    action: 'notification.sweep',
    entity: 'notification',
    orgId: null,
    after: { notifications: count, people: [...told.values()].reduce((n, users) => n + users.size, 0) },
  });
  return count;
}

/** What a module announces when it happens (催办, 补发, 委托), to the people of one office whose role may act on it, or to named people. */
export interface Announcement {
  orgId: string;
  /**
   * Only the office's people whose role may take this action hear of it (e.g. `documents.receive` for
   * a delivery), or only the people named (e.g. the delegate of a delegation).
   */
  audience: Action | { userIds: readonly string[] };
  stage: Extract<NotificationStage, 'new' | 'reminded' | 'resent' | 'delegated' | 'undelegated' | 'returned'>;
  todoKind: TodoKind;
  recordId: string;
  title: string;
  subject: string | null;
  href: string;
  dueAt: Date | null;
  /** Makes the event unique per person, e.g. the reminder's number: the same announcement twice is stored once. */
  occurrence: string | number;
}

/**
 * Writes one notification per person of the office in the caller's transaction (the caller audits its
 * own action) and tells the bell over the event stream; returns how many were written.
 */
export async function announce(tx: Tx, a: Announcement): Promise<number> {
  const audience = a.audience;
  const people = (await repo.businessActorsOf(tx, a.orgId)).filter((p) =>
    typeof audience === 'string' ? roleMay(p.role, audience) : audience.userIds.includes(p.userId),
  );
  const sent = await repo.insertNew(
    tx,
    people.map((p) => ({
      orgId: a.orgId,
      userId: p.userId,
      todoKind: a.todoKind,
      stage: a.stage,
      daysLeft: null,
      recordId: a.recordId,
      title: a.title,
      subject: a.subject,
      href: a.href,
      dueAt: a.dueAt ? a.dueAt.toISOString() : null,
      eventKey: `${a.stage}${a.occurrence}:${a.todoKind}:${a.recordId}`,
      silent: false,
    })),
  );
  if (sent.length > 0) await notify(tx, { type: 'notification.created', orgIds: [a.orgId], userIds: sent.map((s) => s.userId) });
  return sent.length;
}

/**
 * The reminder engine's run over every business account (notifications.sweep.ts: one set-based,
 * incremental statement); the job calls it. A second process running it at once waits on the lock
 * and finds nothing left (every key stored, the last sweep's instant moved on). Returns the events sent.
 */
export async function runReminderSweep(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SWEEP_LOCK})`);
    // 委托: a delegate's workbench holds the leader's steps they may take today, so their reminders too.
    const acting = await actingForOn(tx, chinaToday(now));
    const actors = (await repo.businessActors(tx)).map((a) => (acting.has(a.userId) ? { ...a, actingFor: acting.get(a.userId) } : a));
    const out = await sweepEveryone(tx, TODO_PROVIDERS, actors, now);
    if (out.events === 0) return 0;
    for (const [orgId, users] of out.told) await notify(tx, { type: 'notification.created', orgIds: [orgId], userIds: [...users] });
    await writeAudit(
      tx,
      { actor: null, ip: null },
      {
        action: 'notification.sweep',
        entity: 'notification',
        orgId: null,
        after: {
          notifications: out.rows,
          events: out.events,
          digests: out.digests,
          people: [...out.told.values()].reduce((n, users) => n + users.size, 0),
        },
      },
    );
    return out.events;
  });
}

/** GET /api/notifications: first catches up the caller's own events (so a new delivery is in the bell without waiting for the job), then lists. */
export async function listNotifications(
  db: Db,
  ctx: RequestContext,
  q: { unread?: 'true' | 'false'; limit: number },
  now = new Date(),
): Promise<{ unread: number; items: Notification[] }> {
  assertBusinessReader(ctx);
  // The page's own (capped) to-dos: quick, and the engine's run covers whatever lies beyond the cap.
  // Skipped while the engine's sweep runs (it holds the lock exclusively and is sending these very
  // events): catching up beside it could send an event as a row that the sweep counts in a digest.
  await db.transaction(async (tx) => {
    const free = await tx.execute<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock_shared(${SWEEP_LOCK}) AS ok`);
    if (free.rows[0]?.ok) await sweep(tx, ctx, [ctx.actor], now, workbench);
  });
  const rows = await repo.list(db, ctx.actor.userId, { unreadOnly: q.unread === 'true', limit: q.limit });
  return { unread: await repo.unreadCount(db, ctx.actor.userId), items: rows.map((r) => presentNotification(r, ctx.locale)) };
}

export async function markNotificationRead(db: Db, ctx: RequestContext, id: string): Promise<{ unread: number }> {
  assertBusinessReader(ctx);
  return db.transaction(async (tx) => {
    const n = await repo.byIdLocked(tx, id);
    if (!n) throw new AppError(CommonErrors.NOT_FOUND);
    authorize(notificationPolicy, ctx.actor, 'read', n);
    if (!n.readAt) {
      await repo.markRead(tx, id);
      await writeAudit(tx, ctx, { action: 'notification.read', entity: 'notification', entityId: id, orgId: n.orgId });
    }
    return { unread: await repo.unreadCount(tx, ctx.actor.userId) };
  });
}

export async function markAllNotificationsRead(db: Db, ctx: RequestContext): Promise<{ unread: number }> {
  assertBusinessReader(ctx);
  return db.transaction(async (tx) => {
    const count = await repo.markAllRead(tx, ctx.actor.userId);
    if (count > 0)
      await writeAudit(tx, ctx, { action: 'notification.readAll', entity: 'notification', orgId: ctx.actor.orgId, after: { count } });
    return { unread: 0 };
  });
}
