import { defineErrors } from './errors.ts';

/** Errors of 委托 (delegation): what was wrong with the delegation and what to do instead. */
export const DelegationErrors = defineErrors({
  NOT_A_LEADER: {
    status: 403,
    zh: '只有签发或批示公文的领导可以委托他人代理。',
    en: 'Only a leader who signs off or instructs documents may name a delegate.',
  },
  DELEGATE_SELF: { status: 422, zh: '不能委托给自己，请选择另一位同事。', en: 'You cannot delegate to yourself; choose a colleague.' },
  DELEGATE_NOT_IN_ORG: {
    status: 422,
    zh: '受托人须是本单位在用的工作人员，请从本单位人员中选择。',
    en: 'The delegate must be an active colleague of your own organisation; choose one from its people.',
  },
  DELEGATE_NOT_BUSINESS: {
    status: 422,
    zh: '系统管理员、安全保密管理员和安全审计员不办理业务，不能作为受托人。',
    en: 'The system, security and audit administrators do no business work and cannot be delegates.',
  },
  PERIOD_IN_PAST: {
    status: 422,
    zh: '委托期限不能早于今天（{today}），请重新选择开始日期。',
    en: 'A delegation cannot start before today ({today}); choose another start date.',
  },
  PERIOD_REVERSED: {
    status: 422,
    zh: '结束日期不能早于开始日期。',
    en: 'The end date cannot be before the start date.',
  },
  PERIOD_TOO_LONG: {
    status: 422,
    zh: '一次委托最长 {days} 天，请缩短期限。',
    en: 'A delegation may cover at most {days} days; shorten the period.',
  },
  OVERLAP: {
    status: 409,
    zh: '该期间与您已有的委托（{delegate}，{from} 至 {to}）重叠，请先撤销那一项或另选日期。',
    en: 'The period overlaps your delegation to {delegate} ({from} to {to}); revoke it first or choose other dates.',
  },
  NOT_YOURS: {
    status: 403,
    zh: '只有委托人本人可以撤销这项委托。',
    en: 'Only the leader who made this delegation may revoke it.',
  },
  ALREADY_OVER: {
    status: 409,
    zh: '这项委托已{status}，无需撤销。',
    en: 'This delegation is already {status}; there is nothing to revoke.',
  },
  ORG_VIEW_FORBIDDEN: {
    status: 403,
    zh: '只有单位主要负责人和办公室人员可以查看本单位的全部委托。',
    en: "Only the organisation's principal leader and office staff may see all of its delegations.",
  },
});
