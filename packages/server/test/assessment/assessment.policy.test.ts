/** The buttons the scheme page offers (allowedActions) are exactly the steps the service accepts. */
import { beforeAll, it } from 'vitest';
import { chinaYear } from '@township-office/domain/dates';
import { CommonErrors } from '@township-office/domain/errors';
import { AppError } from '../../src/platform/errors.ts';
import { as, testApp } from '../helpers.ts';
import { expectPolicyAgreement, type AgreementCase } from '../support/policy-agreement.ts';
import { systemContext, type RequestContext } from '../../src/platform/context.ts';
import { schemePolicy } from '../../src/modules/assessment/assessment.policy.ts';
import * as svc from '../../src/modules/assessment/assessment.service.ts';
import type { App } from '../../src/platform/app-types.ts';
import type { Config } from '../../src/config.ts';
import { fileStorageFor } from '../../src/platform/files.ts';
import type { Database, Db } from '../../src/db/client.ts';

let app: App;
let database: Database;
let config: Config;
const USERS = ['county.admin', 'county.clerk', 'town01.leader', 'town01.clerk'] as const;
const ctxs = new Map<string, RequestContext>();
const schemes: { label: string; id: string }[] = [];
let town01 = '';

beforeAll(async () => {
  ({ app, database, config } = await testApp());
  for (const u of USERS) {
    const r = await database.pool.query('SELECT id, username, display_name, role, org_id FROM users WHERE username = $1', [u]);
    const x = r.rows[0];
    ctxs.set(u, systemContext({ userId: x.id, username: x.username, displayName: x.display_name, role: x.role, orgId: x.org_id }));
  }
  town01 = ctxs.get('town01.clerk')!.actor.orgId;
  const admin = await as(app, 'county.admin');
  const list = (await admin.get('/api/assessment/schemes')).json().items as {
    id: string;
    year: number;
    targetKind: string;
    status: string;
  }[];
  const y = chinaYear();
  const published = list.find((s) => s.year === y && s.targetKind === 'township')!;
  const final = list.find((s) => s.year === y - 1 && s.targetKind === 'township')!;
  schemes.push({ label: 'published', id: published.id }, { label: 'final', id: final.id });
  const draft = (
    await admin.post('/api/assessment/schemes', { year: y + 1, targetKind: 'township', title: '草稿', copyFromSchemeId: published.id })
  ).json();
  schemes.push({ label: 'draft', id: draft.id });
  const cons = (
    await admin.post('/api/assessment/schemes', { year: y + 2, targetKind: 'township', title: '征求意见', copyFromSchemeId: published.id })
  ).json();
  await admin.post(`/api/assessment/schemes/${cons.id}/open-consultation`, {});
  const leader = await as(app, 'town01.leader');
  await leader.post(`/api/assessment/schemes/${cons.id}/comments`, { code: '7', text: '意见' });
  schemes.push({ label: 'consultation', id: cons.id });
  const self = (
    await admin.post('/api/assessment/schemes', { year: y + 3, targetKind: 'township', title: '自评', copyFromSchemeId: published.id })
  ).json();
  await admin.post(`/api/assessment/schemes/${self.id}/publish`, {});
  await admin.post(`/api/assessment/schemes/${self.id}/open-self-assessment`, {});
  // town01 has sent its summary there, so its leader in charge is offered the confirmation.
  await (await as(app, 'town01.clerk')).post(`/api/assessment/schemes/${self.id}/self-assessment`, { summary: '全年工作自评' });
  schemes.push({ label: 'self_assessment', id: self.id });
}, 600_000);

it('scheme actions: offered ⇔ accepted, for every role and status', async () => {
  const cases: AgreementCase<{ user: string; id: string }>[] = [];
  for (const u of USERS) {
    const c = await as(app, u);
    for (const s of schemes) {
      const r = await c.get(`/api/assessment/schemes/${s.id}`);
      const offered = r.statusCode === 200 ? (r.json().allowedActions as string[]) : [];
      cases.push({ label: `${u} on ${s.label}`, record: { user: u, id: s.id }, offered });
    }
  }
  await expectPolicyAgreement({
    db: database.db,
    actions: schemePolicy.actions,
    cases,
    attempt: async (tx: Db, rec, action) => {
      const ctx = ctxs.get(rec.user)!;
      const detail = await svc.getScheme(tx, ctxs.get('county.admin')!, rec.id);
      switch (action) {
        case 'editIndicators':
          return svc.putIndicators(tx, ctx, rec.id, { indicators: detail.scheme.indicators });
        case 'openConsultation':
        case 'publish':
        case 'openSelfAssessment':
        case 'startScoring':
        case 'openNotice':
        case 'finalise':
          return svc.takeStep(tx, ctx, rec.id, action, {});
        case 'answerComment': {
          const c = detail.comments.find((x) => !x.answeredAt);
          if (!c) throw new AppError(CommonErrors.NOT_FOUND);
          return svc.answerComment(tx, ctx, c.id, { adopted: true, answer: '采纳' });
        }
        case 'answerAppeal': {
          const a = detail.appeals.find((x) => !x.answeredAt);
          if (!a) throw new AppError(CommonErrors.NOT_FOUND);
          return svc.answerAppeal(tx, ctx, a.id, { answer: '维持', newScore: null });
        }
        case 'score':
          return svc.enterScore(tx, ctx, rec.id, { orgId: town01, code: '7', score: 4, reason: '评分' });
        case 'comment':
          return svc.addComment(tx, ctx, rec.id, { code: '7', text: '意见' });
        case 'selfReport':
          return svc.submitSelfReport(tx, ctx, rec.id, { code: '6.2', evidence: '材料' });
        case 'appeal':
          return svc.fileAppeal(tx, ctx, rec.id, { code: '7', reason: '申诉' });
        case 'selfAssess':
          return svc.submitSelfAssessment(tx, ctx, rec.id, { summary: '自评总结' });
        case 'confirmSelfAssessment':
          return svc.confirmSelfAssessment(tx, ctx, rec.id);
        case 'revise':
          return svc.reviseScheme(tx, ctx, rec.id, {
            reason: '调整分值',
            indicators: detail.scheme.indicators.map((i) => (i.code === '7' ? { ...i, description: '修订说明' } : i)),
          });
        case 'editGrades':
          return svc.putGrades(tx, ctx, rec.id, { excellentShare: 0.2 });
        case 'issueNotice':
          return svc.issueNotice(tx, fileStorageFor(config), ctx, rec.id);
        default:
          throw new Error(`untested action ${action}`);
      }
    },
  });
}, 600_000);
