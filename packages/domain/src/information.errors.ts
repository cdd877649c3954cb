import { defineErrors } from './errors.ts';

export const InfoErrors = defineErrors({
  INFO_NOT_REVIEWABLE: {
    status: 409,
    zh: '该信息已审核（当前状态：{status}），不能再次审核。如需增加采用层级，请使用“追加采用”。',
    en: 'This item was already reviewed (status: {status}). To add an adoption level use "add adoption".',
  },
  INFO_ALREADY_ADOPTED_AT_LEVEL: {
    status: 409,
    zh: '该信息已在“{level}”层级采用，同一层级不能重复采用计分。',
    en: 'This item is already adopted at "{level}"; the same level cannot be scored twice.',
  },
  INFO_NOT_ADOPTED: {
    status: 409,
    zh: '该信息未被采用（{status}），不能计分。请先审核采用。',
    en: 'This item is not adopted ({status}) and earns no points. Review and adopt it first.',
  },
  INFO_NOT_WITHDRAWABLE: { status: 409, zh: '只有待审核的信息可以撤回。', en: 'Only items awaiting review can be withdrawn.' },
  INFO_BULLETIN_ITEM_NOT_ADOPTED: {
    status: 409,
    zh: '信息“{title}”尚未采用，不能编入信息专报。',
    en: 'The item "{title}" is not adopted and cannot go into a bulletin.',
  },
  INFO_BULLETIN_ITEM_IN_OTHER: {
    status: 409,
    zh: '信息“{title}”已编入 {number}，不能重复编发。',
    en: 'The item "{title}" is already in bulletin {number}.',
  },
  INFO_BULLETIN_ALREADY_DISPATCHED: { status: 409, zh: '该期信息专报已经分发。', en: 'This bulletin issue was already dispatched.' },
  INFO_DOCUMENTS_UNAVAILABLE: {
    status: 409,
    zh: '办文模块尚未提供“由内容起草公文”的功能，暂不能经办文流程分发；请先打印后按纸质分发。',
    en: 'The documents module does not yet offer drafting from content; print the bulletin and distribute it on paper for now.',
  },
  RESEARCH_TOPIC_CLOSED: {
    status: 409,
    zh: '调研课题已截止（{deadline}），不能再提交报告。',
    en: 'The research topic closed on {deadline}; no more reports can be submitted.',
  },
  RESEARCH_REPORT_EXISTS: {
    status: 409,
    zh: '本单位已就该课题提交过调研报告。',
    en: 'Your organisation already submitted a report on this topic.',
  },
  RESEARCH_ALREADY_EVALUATED: {
    status: 409,
    zh: '该调研报告已评定（{grade}），不能重复评定。',
    en: 'This report was already evaluated ({grade}).',
  },
  INFO_OWN_ORG_ONLY: {
    status: 403,
    zh: '县委办账户不报送乡镇信息；请用乡镇账户报送。',
    en: 'County office accounts do not submit township information; use a township account.',
  },
  // Issue 9: a race on the unique index used to answer with empty parameters.
  INFO_BULLETIN_ITEM_JUST_TAKEN: {
    status: 409,
    zh: '所选信息中有信息刚刚被编入另一期简报，请刷新页面后重新选择。',
    en: 'One of the chosen items has just been put in another bulletin. Reload the page and choose again.',
  },
});
