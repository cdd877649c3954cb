/**
 * The record-level rules of 信息报送 (info reports) and 调研 (research reports), written once: the
 * services `authorize` with them and the presenters list `allowedActions` from them.
 */
import { CommonErrors } from '@township-office/domain/errors';
import { ADOPTION_LEVEL_LABELS, ADOPTION_LEVELS, RESEARCH_GRADE_LABELS, type InfoStatus } from '@township-office/domain/information';
import { InfoErrors } from '@township-office/domain/information.errors';
import { roleMay, type Action } from '@township-office/domain/permissions';
import { canReadOrg } from '../../platform/access.ts';
import type { Actor } from '../../platform/context.ts';
import { allowIf, definePolicy, firstDenial, type Decision } from '../../platform/policy.ts';
import type { InfoAdoptionRow, InfoItemRow, ResearchReportRow } from './information.tables.ts';

const STATUS_LABELS: Record<InfoStatus, string> = {
  submitted: '待审核',
  adopted: '已采用',
  not_adopted: '未采用',
  withdrawn: '已撤回',
};
export const statusLabel = (s: InfoStatus) => STATUS_LABELS[s];

const roleAllows = (actor: Actor, action: Action) => () => allowIf(roleMay(actor.role, action), CommonErrors.FORBIDDEN_ROLE);
// Another org's record answers NOT_FOUND (never FORBIDDEN), so its existence is not revealed.
const readable = (actor: Actor, orgId: string) => () => allowIf(canReadOrg(actor, orgId), CommonErrors.NOT_FOUND);
const ownOrg = (actor: Actor, orgId: string) => () => allowIf(actor.orgId === orgId, CommonErrors.NOT_FOUND);

/** The adoptions an item already has: the one fact of the rules not on the item row. */
export interface InfoReportFacts {
  adoptions: readonly Pick<InfoAdoptionRow, 'level'>[];
}

export const infoReportPolicy = definePolicy<InfoItemRow, InfoReportFacts>()({
  /** The submitting township takes its own report back while it still awaits review. */
  withdraw: (actor, item): Decision =>
    firstDenial(roleAllows(actor, 'info.submit'), ownOrg(actor, item.orgId), () =>
      allowIf(item.status === 'submitted', InfoErrors.INFO_NOT_WITHDRAWABLE),
    ),
  /** The county office adopts (at one or more levels) or does not adopt a submitted report. */
  review: (actor, item) =>
    firstDenial(roleAllows(actor, 'info.review'), readable(actor, item.orgId), () =>
      allowIf(item.status === 'submitted', InfoErrors.INFO_NOT_REVIEWABLE, { status: statusLabel(item.status) }),
    ),
  /** An adopted report may be adopted again at a further level, while a level is left. */
  addAdoption: (actor, item, facts) =>
    firstDenial(
      roleAllows(actor, 'info.review'),
      readable(actor, item.orgId),
      () => allowIf(item.status === 'adopted', InfoErrors.INFO_NOT_ADOPTED, { status: statusLabel(item.status) }),
      () =>
        allowIf(facts.adoptions.length < ADOPTION_LEVELS.length, InfoErrors.INFO_ALREADY_ADOPTED_AT_LEVEL, {
          level: ADOPTION_LEVELS.map((l) => ADOPTION_LEVEL_LABELS[l]).join('、'),
        }),
    ),
});
export type InfoReportAction = (typeof infoReportPolicy.actions)[number];

export const researchReportPolicy = definePolicy<ResearchReportRow>()({
  /** The county office grades a township's research report once. */
  evaluate: (actor, report) =>
    firstDenial(roleAllows(actor, 'research.manage'), readable(actor, report.orgId), () =>
      allowIf(!report.grade, InfoErrors.RESEARCH_ALREADY_EVALUATED, { grade: report.grade ? RESEARCH_GRADE_LABELS[report.grade] : '' }),
    ),
});
export type ResearchReportAction = (typeof researchReportPolicy.actions)[number];
