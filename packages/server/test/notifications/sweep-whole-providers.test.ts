/**
 * The providers the reminder engine reads whole (`everyone.whole`: 发文 steps, duty, assessment) give
 * in one set-based query exactly the to-dos their per-person `todos` gives each person: on the demo
 * county, and on generated data (documents at every step with drafters, added reviewers, countersigning
 * offices, upward/important flags; today's rosters and handovers; assessment schemes in consultation,
 * self-assessment and notice with appeals, comments and revisions) for every business role, with
 * delegations (委托) in force for some of them.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chinaToday } from '@township-office/domain/dates';
import { BUSINESS_ROLES } from '@township-office/domain/roles';
import type { Db, DbOrTx } from '../../src/db/client.ts';
import { actingForOn } from '../../src/modules/accounts/delegations.service.ts';
import { assessmentTodos } from '../../src/modules/assessment/assessment.todos.ts';
import { outgoingTodos } from '../../src/modules/documents/documents.todos.ts';
import { dutyTodos } from '../../src/modules/duty/duty.todos.ts';
import { notificationsRepository } from '../../src/modules/notifications/notifications.repository.ts';
import { everyoneRows } from '../../src/modules/notifications/notifications.sweep.ts';
import type { Actor } from '../../src/platform/context.ts';
import type { TodoProvider } from '../../src/platform/todos.ts';
import { testApp } from '../helpers.ts';

const { database } = await testApp();
const PROVIDERS: Record<string, TodoProvider> = { outgoing: outgoingTodos, duty: dutyTodos, assessment: assessmentTodos };

const key = (
  a: { userId: string; orgId: string; role: string },
  kind: string,
  id: string,
  title: string,
  subject: string | null,
  href: string,
  due: Date | null,
) => [a.userId, a.orgId, a.role, kind, id, title, subject ?? '∅', href, due ? due.toISOString() : '∅'].join(' | ');

/** Per provider: the to-dos per person and set-based, as sorted keys; and the roles and kinds the rows hold. */
async function bothWays(tx: DbOrTx, actors: Actor[], now: Date) {
  const out: Record<string, { perPerson: string[]; setBased: string[]; roles: Set<string>; kinds: Set<string> }> = {};
  for (const [name, p] of Object.entries(PROVIDERS)) {
    const perPerson: string[] = [];
    const roles = new Set<string>();
    const kinds = new Set<string>();
    for (const a of actors)
      for (const t of await p.todos(tx, a, now, null)) {
        perPerson.push(key(a, t.kind, t.recordId, t.title, t.subject, t.href, t.dueAt));
        roles.add(a.role);
        kinds.add(t.kind);
      }
    const rows = await everyoneRows(tx, p, actors, now);
    expect(rows.every((r) => r.news === true)).toBe(true);
    const setBased = rows.map((r) =>
      key({ userId: r.user_id, orgId: r.org_id, role: r.role }, r.todo_kind, r.record_id, r.title, r.subject, r.href, r.due_at),
    );
    out[name] = { perPerson: perPerson.sort(), setBased: setBased.sort(), roles, kinds };
  }
  return out;
}

async function actorsOn(tx: DbOrTx, now: Date): Promise<Actor[]> {
  const acting = await actingForOn(tx, chinaToday(now));
  return (await notificationsRepository.businessActors(tx)).map((a) =>
    acting.has(a.userId) ? { ...a, actingFor: acting.get(a.userId) } : a,
  );
}

/** Every second staff member acts today for each leader of their office (委托), as `actingForOn` would give it. */
function withDelegations(actors: Actor[]): Actor[] {
  return actors.map((a, i) => {
    if (a.role === 'leader_in_charge' || a.role === 'principal_leader' || i % 2 === 1) return a;
    const leaders = actors.filter((l) => l.orgId === a.orgId && (l.role === 'leader_in_charge' || l.role === 'principal_leader'));
    if (leaders.length === 0) return a;
    return {
      ...a,
      actingFor: leaders.map((l) => ({
        delegationId: l.userId,
        userId: l.userId,
        username: l.username,
        displayName: l.displayName,
        role: l.role,
        endsOn: '2099-12-31',
      })),
    };
  });
}

const sqlText = (text: string) => sql.raw(text);

/** Generated records for every office with business accounts, in the caller's transaction. */
async function generate(tx: Db, today: string): Promise<void> {
  const roles = `{${BUSINESS_ROLES.join(',')}}`;
  await tx.execute(
    sqlText(`CREATE TEMP TABLE gen_orgs ON COMMIT DROP AS
    SELECT o.id, o.kind, row_number() OVER (ORDER BY o.id)::int AS i,
           (SELECT array_agg(u.id ORDER BY u.id) FROM users u WHERE u.org_id = o.id AND u.disabled_at IS NULL AND u.role = ANY ('${roles}'::text[])) AS us,
           (SELECT array_agg(u.display_name ORDER BY u.id) FROM users u WHERE u.org_id = o.id AND u.disabled_at IS NULL AND u.role = ANY ('${roles}'::text[])) AS names
    FROM orgs o WHERE EXISTS (SELECT 1 FROM users u WHERE u.org_id = o.id AND u.disabled_at IS NULL AND u.role = ANY ('${roles}'::text[]))`),
  );
  // Documents at each open step, drafted by each person in turn, some with an added reviewer, some
  // countersigned by the next offices (partly done), some upward or important, some rechecked.
  await tx.execute(
    sqlText(`
    WITH n AS (SELECT count(*)::int AS n, array_agg(id ORDER BY i) AS ids FROM gen_orgs),
    g AS (SELECT o.id AS org_id, o.us, g, (ARRAY['returned','in_review','reviewed','signed_off','numbered'])[1 + g % 5] AS st,
                 o.us[1 + (g / 5) % cardinality(o.us)] AS drafter, o.us[1 + (g / 3) % cardinality(o.us)] AS other_user,
                 n.ids[1 + (o.i + g % 3) % n.n] AS other_org, o.i
          FROM gen_orgs o, n, generate_series(1, 60) g)
    INSERT INTO documents (org_id, doc_type, title, status, main_recipient_org_ids, drafter_id, added_reviewer_id, added_by, upward, important,
                           countersign_org_ids, countersigned_org_ids, signer_id, written_date, rechecked_by, rechecked_at,
                           number_prefix, number_year, number_seq, doc_number)
    SELECT org_id, '通知', '生成的发文 ' || i || '-' || g, st, ARRAY[other_org], drafter,
           CASE WHEN st = 'in_review' AND g % 3 = 0 THEN other_user END, CASE WHEN st = 'in_review' AND g % 3 = 0 THEN drafter END,
           g % 4 = 1, g % 7 = 2,
           CASE WHEN g % 2 = 0 THEN ARRAY[other_org] ELSE '{}' END, CASE WHEN g % 4 = 0 THEN ARRAY[other_org] ELSE '{}' END,
           CASE WHEN st IN ('signed_off', 'numbered') THEN drafter END, CASE WHEN st IN ('signed_off', 'numbered') THEN '${today}'::date END,
           CASE WHEN st = 'signed_off' AND g % 3 = 1 THEN drafter END, CASE WHEN st = 'signed_off' AND g % 3 = 1 THEN now() END,
           CASE WHEN st = 'numbered' THEN 'GEN' || i END, CASE WHEN st = 'numbered' THEN 2099 END, CASE WHEN st = 'numbered' THEN g END,
           CASE WHEN st = 'numbered' THEN 'GEN' || i || '〔2099〕' || g || '号' END
    FROM g`),
  );
  // Today's roster names people of the office (leader and staff) and one name nobody has; handovers either side, confirmed or not.
  await tx.execute(
    sqlText(`
    INSERT INTO duty_roster_days (org_id, day, leader_name, staff_names, source)
    SELECT id, '${today}'::date, names[1 + i % cardinality(names)], ARRAY[names[1 + (i + 1) % cardinality(names)], names[1 + (i + 2) % cardinality(names)], '外单位值班员'], 'manual'
    FROM gen_orgs
    ON CONFLICT (org_id, day) DO UPDATE SET leader_name = EXCLUDED.leader_name, staff_names = EXCLUDED.staff_names`),
  );
  await tx.execute(
    sqlText(`
    INSERT INTO duty_handovers (org_id, day, outgoing_user_id, outgoing_name, incoming_user_id, incoming_name, outgoing_confirmed_at, incoming_confirmed_at, created_by)
    SELECT id, '${today}'::date + (g % 5 - 2), us[1 + g % cardinality(us)], names[1 + g % cardinality(names)],
           us[1 + (g + 1) % cardinality(us)], names[1 + (g + 1) % cardinality(names)],
           CASE WHEN g % 3 = 0 THEN now() END, CASE WHEN g % 4 = 0 THEN now() END, us[1]
    FROM gen_orgs, generate_series(1, 8) g WHERE cardinality(us) > 1`),
  );
  // Assessment schemes of both target kinds in consultation, self-assessment and notice, closing before, on and after today or never.
  await tx.execute(
    sqlText(`
    INSERT INTO assessment_schemes (org_id, year, target_kind, title, status, consultation_closes_on, notice_closes_on, created_by)
    SELECT (SELECT id FROM gen_orgs ORDER BY i LIMIT 1), 2080 + y, k, '生成的考核方案 ' || y || k,
           (ARRAY['consultation', 'self_assessment', 'notice'])[1 + y % 3],
           CASE y % 4 WHEN 0 THEN '${today}'::date - 1 WHEN 1 THEN '${today}'::date WHEN 2 THEN '${today}'::date + 3 END,
           CASE y % 4 WHEN 0 THEN '${today}'::date + 2 WHEN 1 THEN '${today}'::date WHEN 3 THEN '${today}'::date - 1 END,
           (SELECT us[1] FROM gen_orgs ORDER BY i LIMIT 1)
    FROM generate_series(0, 11) y, unnest(ARRAY['township', 'county_department']) k`),
  );
  await tx.execute(
    sqlText(`
    INSERT INTO assessment_appeals (scheme_id, org_id, code, reason, appellant_user_id, answer, answered_at)
    SELECT s.id, o.id, 'A' || o.i, '申诉理由', o.us[1], CASE WHEN o.i % 3 = 0 THEN '已答复' END, CASE WHEN o.i % 3 = 0 THEN now() END
    FROM assessment_schemes s, gen_orgs o WHERE s.year >= 2080 AND o.kind = s.target_kind`),
  );
  await tx.execute(
    sqlText(`
    INSERT INTO assessment_comments (scheme_id, org_id, author_user_id, author_name, text)
    SELECT s.id, o.id, o.us[1 + s.year % cardinality(o.us)], o.names[1 + s.year % cardinality(o.names)], '意见'
    FROM assessment_schemes s, gen_orgs o WHERE s.year >= 2080 AND s.year % 2 = 0 AND o.kind = s.target_kind`),
  );
  await tx.execute(
    sqlText(`
    INSERT INTO assessment_self_assessments (scheme_id, org_id, summary, submitted_by, submitted_by_name, confirmed_by, confirmed_by_name, confirmed_at)
    SELECT s.id, o.id, '自评', o.us[1], o.names[1], CASE WHEN o.i % 2 = 0 THEN o.us[1] END, CASE WHEN o.i % 2 = 0 THEN o.names[1] END,
           CASE WHEN o.i % 2 = 0 THEN now() END
    FROM assessment_schemes s, gen_orgs o WHERE s.year >= 2080 AND o.kind = s.target_kind`),
  );
  await tx.execute(
    sqlText(`
    INSERT INTO assessment_scheme_versions (scheme_id, version, reason, indicators, created_by, created_by_name, created_at)
    SELECT s.id, v, '修订理由 ' || v, '[]', s.created_by, '起草人', now() - (v * 3 - 2) * interval '1 day'
    FROM assessment_schemes s, generate_series(1, 4) v WHERE s.year >= 2080`),
  );
}

class Rollback extends Error {}

describe('the providers read whole by the reminder engine', () => {
  it('give set-based exactly what they give person by person, on the demo county', async () => {
    const now = new Date();
    await database.db.transaction(async (tx) => {
      const actors = await actorsOn(tx, now);
      for (const [name, r] of Object.entries(await bothWays(tx, actors, now))) expect(r.setBased, name).toEqual(r.perPerson);
    });
  });

  it('and on generated data, for every role, with delegations in force', async () => {
    const now = new Date();
    await expect(
      database.db.transaction(async (tx) => {
        await generate(tx as unknown as Db, chinaToday(now));
        const actors = withDelegations(await actorsOn(tx, now));
        expect(new Set(actors.map((a) => a.role))).toEqual(new Set(BUSINESS_ROLES));
        const r = await bothWays(tx, actors, now);
        for (const [name, x] of Object.entries(r)) expect(x.setBased, name).toEqual(x.perPerson);
        // The generated data reaches every step of every provider, and each role has some.
        expect([...r.outgoing!.kinds].sort()).toEqual(
          [
            'document.countersign',
            'document.dispatch',
            'document.number',
            'document.recheck',
            'document.returned',
            'document.review',
            'document.signOff',
          ].sort(),
        );
        expect([...r.duty!.kinds].sort()).toEqual(['duty.handover', 'duty.today']);
        expect([...r.assessment!.kinds].sort()).toEqual([
          'assessment.appeal',
          'assessment.comment',
          'assessment.confirmSelf',
          'assessment.revision',
        ]);
        const roles = new Set([...r.outgoing!.roles, ...r.duty!.roles, ...r.assessment!.roles]);
        expect(roles).toEqual(new Set(BUSINESS_ROLES));
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
  });
});
