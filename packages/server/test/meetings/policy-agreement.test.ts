/**
 * The minutes' and follow-ups' buttons and their guards agree (meetings.policy.ts): for demo actors
 * of both levels and for records in every state, every action the presenter offers is accepted by
 * the service, and every action it hides is refused with a 4xx.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/platform/context.ts';
import { systemContext } from '../../src/platform/context.ts';
import * as svc from '../../src/modules/meetings/meetings.service.ts';
import { meetingsRepository } from '../../src/modules/meetings/meetings.repository.ts';
import { followUpPolicy, meetingPolicy } from '../../src/modules/meetings/meetings.policy.ts';
import { presentFollowUp, presentMeeting } from '../../src/modules/meetings/meetings.presenter.ts';
import type { Db } from '../../src/db/client.ts';
import { demoActor, expectPolicyAgreement } from '../support/policy-agreement.ts';
import { testDatabase } from '../helpers.ts';

const database = await testDatabase();
const db = database.db;
const TODAY = '2026-03-20';

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
const countyOrgId = actors['county.clerk'].orgId;

const minutes = (items = [{ title: '春季防火工作', discussion: '讨论部署。', decisions: ['成立防火专班', '开展隐患排查'] }]) => ({
  kind: 'party_committee' as const,
  title: '党委会（政策一致性）',
  startsAt: '2026-03-10T09:00:00+08:00',
  place: '镇政府三楼会议室',
  hostUserId: actors['town01.leader'].userId,
  recorderUserId: actors['town01.clerk'].userId,
  attendees: ['王建国'],
  absentees: [],
  nonVoting: [],
  attendingOrgIds: [],
  items,
});

// One meeting in each state (and a draft with nothing to finalise), and an open and a closed follow-up.
const draft = await svc.createMeeting(db, clerk, minutes());
const empty = await svc.createMeeting(db, clerk, minutes([]));
const finalised = await svc.createMeeting(db, clerk, minutes());
await svc.finaliseMeeting(db, clerk, finalised.id);
const confirmed = await svc.createMeeting(db, clerk, minutes());
await svc.finaliseMeeting(db, clerk, confirmed.id);
await svc.confirmMeeting(db, leader, confirmed.id);
// The follow-ups hang on a meeting of their own, so every decision of `confirmed` can still be followed up.
const followed = await svc.createMeeting(db, clerk, minutes());
await svc.finaliseMeeting(db, clerk, followed.id);
const open = await svc.createFollowUp(db, clerk, {
  meetingId: followed.id,
  itemIndex: 0,
  decisionIndex: 0,
  ownerName: '张三',
  deadline: '2026-04-01',
});
const closed = await svc.createFollowUp(db, clerk, {
  meetingId: followed.id,
  itemIndex: 0,
  decisionIndex: 1,
  ownerName: '李四',
  deadline: '2026-04-01',
});
await svc.closeFollowUp(db, clerk, closed.id, { result: '已落实', closedOn: TODAY });

describe('meetings policy agreement', () => {
  it('offers on minutes exactly what the service accepts, for every actor and state', async () => {
    const records = { draft, empty, finalised, confirmed };
    const cases = [];
    for (const [who, a] of Object.entries(actors)) {
      for (const [state, m] of Object.entries(records)) {
        const row = (await meetingsRepository.byId(db, m.id))!;
        cases.push({ label: `${who} / ${state}`, record: { a, id: m.id }, offered: presentMeeting(a, row, [], [], TODAY).allowedActions });
      }
    }
    const results = await expectPolicyAgreement({
      db,
      actions: meetingPolicy.actions,
      cases,
      attempt: (tx: Db, { a, id }, action) => {
        const ctx = ctxOf(a);
        switch (action) {
          case 'edit':
            return svc.updateMeeting(tx, ctx, id, { place: '镇政府二楼会议室' });
          case 'finalise':
            return svc.finaliseMeeting(tx, ctx, id);
          case 'confirm':
            return svc.confirmMeeting(tx, ctx, id);
          case 'amend':
            return svc.amendMeeting(tx, ctx, id, { reason: '漏记列席人员', nonVoting: ['赵德胜'] });
          case 'followUp':
            return svc.createFollowUp(tx, ctx, {
              meetingId: id,
              itemIndex: 0,
              decisionIndex: 1,
              ownerName: '王五',
              deadline: '2026-04-10',
            });
          case 'draftSummary':
            return svc.draftSummaryFromMinutes(tx, ctx, id, { mainRecipientOrgIds: [countyOrgId] });
          default:
            throw new Error(`no attempt for ${action}`);
        }
      },
    });
    // The recorder finalises a draft, the host confirms; nobody outside the township is offered anything.
    const offered = (label: string) => results.filter((r) => r.label === label && r.offered).map((r) => r.action);
    expect(offered('town01.clerk / draft')).toEqual(['edit', 'finalise']);
    expect(offered('town01.clerk / empty')).toEqual(['edit']);
    expect(offered('town01.leader / finalised')).toEqual(['confirm', 'amend', 'followUp', 'draftSummary']);
    expect(offered('county.clerk / finalised')).toEqual([]);
    expect(offered('town02.clerk / confirmed')).toEqual([]);
  });

  it('offers on follow-ups exactly what the service accepts', async () => {
    const cases = [];
    for (const [who, a] of Object.entries(actors)) {
      for (const [state, f] of Object.entries({ open, closed })) {
        const row = (await meetingsRepository.followUpById(db, f.id))!;
        cases.push({ label: `${who} / ${state}`, record: { a, id: f.id }, offered: presentFollowUp(a, row, TODAY).allowedActions });
      }
    }
    const results = await expectPolicyAgreement({
      db,
      actions: followUpPolicy.actions,
      cases,
      attempt: (tx: Db, { a, id }, action) =>
        action === 'progress'
          ? svc.addFollowUpProgress(tx, ctxOf(a), id, { note: '已召开推进会', on: TODAY })
          : svc.closeFollowUp(tx, ctxOf(a), id, { result: '已落实', closedOn: TODAY }),
    });
    expect(results.filter((r) => r.label === 'town01.leader / open' && r.offered).map((r) => r.action)).toEqual(['progress', 'close']);
  });
});
