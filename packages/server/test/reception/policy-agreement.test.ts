/**
 * Visits' and petitions' buttons and their guards agree (reception.policy.ts): for demo actors of
 * both levels and for records in every state of the case, every action the presenter offers is
 * accepted by the service, and every action it hides is refused with a 4xx.
 */
import { describe, expect, it } from 'vitest';
import { visitCreateSchema } from '@township-office/domain/reception';
import { systemContext, type Actor } from '../../src/platform/context.ts';
import * as petitions from '../../src/modules/reception/petitions.service.ts';
import * as visits from '../../src/modules/reception/visits.service.ts';
import { receptionRepository } from '../../src/modules/reception/reception.repository.ts';
import { petitionPolicy, visitPolicy } from '../../src/modules/reception/reception.policy.ts';
import { presentPetitionSummary, presentVisit } from '../../src/modules/reception/reception.presenter.ts';
import type { PetitionRow } from '../../src/modules/reception/reception.tables.ts';
import type { Db } from '../../src/db/client.ts';
import { demoActor, expectPolicyAgreement } from '../support/policy-agreement.ts';
import { testDatabase } from '../helpers.ts';

const database = await testDatabase();
const db = database.db;
const TODAY = '2026-06-01';

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

const visit = () =>
  visitCreateSchema.parse({
    visitDate: '2026-03-12',
    visitingUnit: '邻县县委办',
    visitorNames: ['刘建国'],
    visitorCount: 2,
    purpose: '考察',
    hostName: '王镇长',
  });
const activeVisit = await visits.createVisit(db, clerk, visit());
const voidedVisit = await visits.createVisit(db, clerk, visit());
await visits.voidVisit(db, clerk, voidedVisit.id, '重复登记');

// One case in each status of 信访工作条例's sequence, registered by the town01 clerk (so its handler).
const register = (transferred = false) =>
  petitions.registerPetition(db, clerk, {
    receivedOn: '2026-03-02',
    channel: 'visit',
    ...(transferred ? { source: 'transferred' as const, transferredBy: '县信访局' } : {}),
    petitioners: [{ name: '赵秀英', idNumber: '110101199003071234', phone: '13812345678', address: '某村三组' }],
    subject: '宅基地界址纠纷',
    content: '反映与邻居宅基地界址不清。',
    category: 'land',
  });
type Step = (id: string) => Promise<unknown>;
const accept: Step = (id) => petitions.acceptPetition(db, clerk, id, { decidedOn: '2026-03-05', notifiedOn: '2026-03-05' });
const steps: Record<string, Step[]> = {
  registered: [],
  accepted: [accept],
  extended: [
    accept,
    (id) =>
      petitions.extendPetition(db, clerk, id, {
        days: 30,
        reason: '案情复杂',
        approvedBy: '王镇长',
        approvedOn: '2026-03-10',
        notifiedOn: '2026-03-10',
      }),
  ],
  not_accepted: [
    (id) => petitions.rejectPetition(db, clerk, id, { decidedOn: '2026-03-05', notifiedOn: '2026-03-05', reason: '不属受理范围' }),
  ],
  closed: [
    accept,
    (id) => petitions.closePetition(db, clerk, id, { closedOn: '2026-03-20', result: '已调处', answerNotifiedOn: '2026-03-20' }),
  ],
};
steps.review_requested = [
  ...steps.closed!,
  (id) => petitions.requestReview(db, clerk, id, { stage: 'review', requestedOn: '2026-03-25', organ: '县信访局' }),
];
steps.reviewed = [
  ...steps.review_requested,
  (id) => petitions.answerReview(db, clerk, id, { stage: 'review', answeredOn: '2026-04-10', notifiedOn: '2026-04-12', result: '维持' }),
];
steps.rereview_requested = [
  ...steps.reviewed,
  (id) => petitions.requestReview(db, clerk, id, { stage: 'rereview', requestedOn: '2026-04-15', organ: '市信访局' }),
];
steps.rereviewed = [
  ...steps.rereview_requested,
  (id) => petitions.answerReview(db, clerk, id, { stage: 'rereview', answeredOn: '2026-05-01', notifiedOn: '2026-05-03', result: '维持' }),
];
steps.hearing = [
  ...steps.rereview_requested,
  (id) => petitions.recordHearing(db, clerk, id, { startedOn: '2026-04-20', endedOn: '2026-04-21' }),
];
// A transferred case (转送), registered, objected to, and returned (第二十三条第三款).
steps.transferred = [];
steps.objected = [(id) => petitions.objectPetition(db, clerk, id, { objectedOn: '2026-03-04', reason: '不属本镇职权' })];
steps.returned = [...steps.objected, (id) => petitions.decideObjection(db, clerk, id, { decidedOn: '2026-03-06', agreed: true })];
const transferredStates = new Set(['transferred', 'objected', 'returned']);
const cases: Record<string, string> = {};
for (const [state, list] of Object.entries(steps)) {
  const p = await register(transferredStates.has(state));
  for (const s of list) await s(p.id);
  cases[state] = p.id;
}

/** Valid input for each step, from the case's own dates (each used only where the step is offered). */
function attemptStep(tx: Db, a: Actor, p: PetitionRow, action: string) {
  const ctx = ctxOf(a);
  switch (action) {
    case 'accept':
      return petitions.acceptPetition(tx, ctx, p.id, { decidedOn: p.receivedOn, notifiedOn: p.receivedOn });
    case 'reject':
      return petitions.rejectPetition(tx, ctx, p.id, { decidedOn: p.receivedOn, notifiedOn: p.receivedOn, reason: '不属受理范围' });
    case 'extend': {
      const on = p.decidedOn ?? p.receivedOn;
      return petitions.extendPetition(tx, ctx, p.id, {
        days: 30,
        reason: '案情复杂',
        approvedBy: '王镇长',
        approvedOn: on,
        notifiedOn: on,
      });
    }
    case 'close': {
      const on = p.decidedOn ?? p.receivedOn;
      return petitions.closePetition(tx, ctx, p.id, { closedOn: on, result: '已调处', answerNotifiedOn: on });
    }
    case 'reviewRequest':
      return petitions.requestReview(tx, ctx, p.id, {
        stage: 'review',
        requestedOn: p.answerNotifiedOn ?? p.receivedOn,
        organ: '县信访局',
      });
    case 'reviewAnswer':
      return petitions.answerReview(tx, ctx, p.id, {
        stage: 'review',
        answeredOn: p.reviewRequestedOn ?? p.receivedOn,
        notifiedOn: p.reviewRequestedOn ?? p.receivedOn,
        result: '维持',
      });
    case 'rereviewRequest':
      return petitions.requestReview(tx, ctx, p.id, {
        stage: 'rereview',
        requestedOn: p.reviewAnswerNotifiedOn ?? p.receivedOn,
        organ: '市信访局',
      });
    case 'rereviewAnswer':
      return petitions.answerReview(tx, ctx, p.id, {
        stage: 'rereview',
        answeredOn: p.rereviewRequestedOn ?? p.receivedOn,
        notifiedOn: p.rereviewRequestedOn ?? p.receivedOn,
        result: '维持',
      });
    case 'hearing': {
      const on = p.rereviewRequestedOn ?? p.receivedOn;
      return petitions.recordHearing(tx, ctx, p.id, { startedOn: on, endedOn: on });
    }
    case 'object':
      return petitions.objectPetition(tx, ctx, p.id, { objectedOn: p.receivedOn, reason: '不属本镇职权' });
    case 'objectionResult':
      return petitions.decideObjection(tx, ctx, p.id, { decidedOn: p.objectedOn ?? p.receivedOn, agreed: false });
    case 'reveal':
      return petitions.revealPetitioners(tx, ctx, p.id);
    default:
      throw new Error(`no attempt for ${action}`);
  }
}

describe('reception policy agreement', () => {
  it('offers on visits exactly what the service accepts', async () => {
    const list = [];
    for (const [who, a] of Object.entries(actors)) {
      for (const [state, v] of Object.entries({ active: activeVisit, voided: voidedVisit })) {
        const row = (await receptionRepository.visitById(db, v.id))!;
        list.push({ label: `${who} / ${state}`, record: { a, id: v.id }, offered: presentVisit(a, row).allowedActions });
      }
    }
    const results = await expectPolicyAgreement({
      db,
      actions: visitPolicy.actions,
      cases: list,
      attempt: (tx: Db, { a, id }, action) =>
        action === 'edit' ? visits.updateVisit(tx, ctxOf(a), id, { purpose: '交流' }) : visits.voidVisit(tx, ctxOf(a), id, '重复登记'),
    });
    expect(results.filter((r) => r.offered).map((r) => r.label)).toEqual([
      'town01.clerk / active',
      'town01.clerk / active',
      'town01.leader / active',
      'town01.leader / active',
    ]);
  });

  it('offers on petitions exactly what the service accepts, in every status of the case', async () => {
    const list = [];
    for (const [who, a] of Object.entries(actors)) {
      for (const [state, id] of Object.entries(cases)) {
        const row = (await receptionRepository.petitionById(db, id))!;
        list.push({ label: `${who} / ${state}`, record: { a, row }, offered: presentPetitionSummary(a, row, TODAY).allowedActions });
      }
    }
    const results = await expectPolicyAgreement({
      db,
      actions: petitionPolicy.actions,
      cases: list,
      attempt: (tx: Db, { a, row }, action) => attemptStep(tx, a, row, action),
    });
    const offered = (label: string) => results.filter((r) => r.label === label && r.offered).map((r) => r.action);
    // The handler reveals; a colleague of the same office takes the steps but does not see the digits.
    expect(offered('town01.clerk / registered')).toEqual(['accept', 'reject', 'reveal']);
    expect(offered('town01.leader / accepted')).toEqual(['extend', 'close']);
    expect(offered('town01.clerk / extended')).toEqual(['close', 'reveal']);
    expect(offered('town01.clerk / rereviewed')).toEqual(['reveal']);
    expect(offered('county.clerk / accepted')).toEqual([]);
    // Only a transferred or assigned case offers the objection; a 复核 in progress offers its hearing.
    expect(offered('town01.clerk / transferred')).toEqual(['accept', 'reject', 'object', 'reveal']);
    expect(offered('town01.leader / objected')).toEqual(['objectionResult']);
    expect(offered('town01.leader / returned')).toEqual([]);
    expect(offered('town01.leader / rereview_requested')).toEqual(['hearing', 'rereviewAnswer']);
    expect(offered('town01.leader / hearing')).toEqual(['hearing', 'rereviewAnswer']);
  });
});
