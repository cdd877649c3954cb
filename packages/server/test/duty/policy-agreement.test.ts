/**
 * Duty's buttons and their guards agree (duty.policy.ts): for demo actors of both levels and for
 * swap requests, handovers and log entries in every state, every action the presenter offers is
 * accepted by the service, and every action it hides is refused with a 4xx.
 */
import { describe, expect, it } from 'vitest';
import { rosterGenerateSchema } from '@township-office/domain/duty';
import { systemContext, type Actor } from '../../src/platform/context.ts';
import * as log from '../../src/modules/duty/duty.log.service.ts';
import * as roster from '../../src/modules/duty/duty.roster.service.ts';
import { dutyRepository } from '../../src/modules/duty/duty.repository.ts';
import { dutyLogPolicy, handoverPolicy, swapPolicy } from '../../src/modules/duty/duty.policy.ts';
import { presentHandover, presentLogEntry, presentSwap } from '../../src/modules/duty/duty.presenter.ts';
import type { Db } from '../../src/db/client.ts';
import { demoActor, expectPolicyAgreement } from '../support/policy-agreement.ts';
import { testDatabase } from '../helpers.ts';

const database = await testDatabase();
const db = database.db;

const actor = (username: string) => demoActor(database.pool, username);
const ctxOf = (a: Actor) => systemContext(a, 'policy-agreement');

const actors = {
  'town01.clerk': await actor('town01.clerk'),
  'town01.leader': await actor('town01.leader'),
  'town02.clerk': await actor('town02.clerk'),
  'county.clerk': await actor('county.clerk'),
  'county.leader': await actor('county.leader'),
  auditor: await actor('auditor'),
};
const clerk = ctxOf(actors['town01.clerk']);
const leader = ctxOf(actors['town01.leader']);
const who = Object.entries(actors);

await roster.generateRoster(
  db,
  clerk,
  rosterGenerateSchema.parse({
    from: '2035-05-01',
    to: '2035-05-03',
    mode: 'daily',
    leaders: ['王镇长'],
    staff: ['张三'],
    staffPerDay: 1,
    overwrite: true,
  }),
);
const swap = (day: string) => roster.requestSwap(db, clerk, { day, role: 'staff', fromName: '张三', toName: '李四', reason: '出差' });
const requested = await swap('2035-05-01');
const approved = await swap('2035-05-02');
await roster.decideSwap(db, leader, approved.id, true);
const rejected = await swap('2035-05-03');
await roster.decideSwap(db, leader, rejected.id, false);

const handover = () =>
  log.createHandover(db, clerk, {
    day: '2035-05-01',
    outgoingUserId: actors['town01.clerk'].userId,
    incomingUserId: actors['town01.leader'].userId,
    outstanding: '',
  });
const pending = await handover();
const half = await handover();
await log.confirmHandover(db, clerk, half.id);
const complete = await handover();
await log.confirmHandover(db, clerk, complete.id);
await log.confirmHandover(db, leader, complete.id);

const entry = (kind: 'phone' | 'incident', reportUpward = false) =>
  log.addLogEntry(db, clerk, { at: '2035-05-01T10:00:00+08:00', kind, content: '村道塌方，已设警示', reportUpward });
const phone = await entry('phone');
const incident = await entry('incident');
const reported = await entry('incident', true);

describe('duty policy agreement', () => {
  it('offers on swap requests exactly what the service accepts', async () => {
    const cases = [];
    for (const [name, a] of who)
      for (const [state, s] of Object.entries({ requested, approved, rejected })) {
        const row = (await dutyRepository.swapById(db, s.id))!;
        cases.push({ label: `${name} / ${state}`, record: { a, id: s.id }, offered: presentSwap(a, row).allowedActions });
      }
    const results = await expectPolicyAgreement({
      db,
      actions: swapPolicy.actions,
      cases,
      attempt: (tx: Db, { a, id }, action) => roster.decideSwap(tx, ctxOf(a), id, action === 'approve'),
    });
    expect(results.filter((r) => r.offered).map((r) => `${r.label}: ${r.action}`)).toEqual([
      'town01.leader / requested: approve',
      'town01.leader / requested: reject',
    ]);
  });

  it('offers a handover confirmation to each party once', async () => {
    const cases = [];
    for (const [name, a] of who)
      for (const [state, h] of Object.entries({ pending, half, complete })) {
        const row = (await dutyRepository.handoverById(db, h.id))!;
        cases.push({ label: `${name} / ${state}`, record: { a, id: h.id }, offered: presentHandover(a, row).allowedActions });
      }
    const results = await expectPolicyAgreement({
      db,
      actions: handoverPolicy.actions,
      cases,
      attempt: (tx: Db, { a, id }) => log.confirmHandover(tx, ctxOf(a), id),
    });
    expect(results.filter((r) => r.offered).map((r) => r.label)).toEqual([
      'town01.clerk / pending',
      'town01.leader / pending',
      'town01.leader / half',
    ]);
  });

  it('offers reporting and drafting a report on incidents only, reporting once', async () => {
    const cases = [];
    for (const [name, a] of who)
      for (const [state, e] of Object.entries({ phone, incident, reported })) {
        const row = (await dutyRepository.logById(db, e.id))!;
        cases.push({ label: `${name} / ${state}`, record: { a, id: e.id }, offered: presentLogEntry(a, row).allowedActions });
      }
    const results = await expectPolicyAgreement({
      db,
      actions: dutyLogPolicy.actions,
      cases,
      attempt: (tx: Db, { a, id }, action) =>
        action === 'report' ? log.reportLogEntryUpward(tx, ctxOf(a), id) : log.draftIncidentReport(tx, ctxOf(a), id),
    });
    const offered = (label: string) => results.filter((r) => r.label === label && r.offered).map((r) => r.action);
    expect(offered('town01.clerk / incident')).toEqual(['report', 'draftReport']);
    expect(offered('town01.clerk / reported')).toEqual(['draftReport']);
    expect(offered('town01.clerk / phone')).toEqual([]);
  });
});
