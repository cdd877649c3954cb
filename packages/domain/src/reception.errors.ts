import { defineErrors } from './errors.ts';

export const ReceptionErrors = defineErrors({
  VISIT_VOID: { status: 409, zh: '该接待记录已作废，不能修改。', en: 'This reception record is void and cannot change.' },
  VISIT_COUNT: { status: 422, zh: '来客人数不能少于登记的姓名数。', en: 'The number of visitors cannot be less than the names listed.' },
  PETITION_NOT_HANDLER: {
    status: 403,
    zh: '只有本件信访的承办人可以查看信访人的完整身份证号和电话。',
    en: 'Only the handlers of this case may see the petitioner’s full ID number and phone.',
  },
  PETITION_WRONG_STATE: {
    status: 409,
    zh: '该信访件当前状态为“{status}”，不能进行此操作。',
    en: 'The case is "{status}"; this step is not possible now.',
  },
  PETITION_EXTENSION_TOO_LONG: {
    status: 422,
    zh: '延期不得超过 30 日（信访工作条例第三十五条）。',
    en: 'An extension may be at most 30 days (信访工作条例, art. 35).',
  },
  PETITION_ALREADY_EXTENDED: {
    status: 409,
    zh: '该信访件已延期一次，不能再次延期（信访工作条例第三十五条）。',
    en: 'This case has already been extended once; a second extension is not allowed (art. 35).',
  },
  PETITION_PAST_DUE: {
    status: 409,
    zh: '办理期限已过，不能再申请延期，请尽快办结。',
    en: 'The handling period has ended, so it can no longer be extended; close the case.',
  },
  PETITION_REVIEW_TOO_LATE: {
    status: 422,
    zh: '请求已超过收到书面答复之日起 30 日的期限（信访工作条例第三十六条、第三十七条）。',
    en: 'The request came more than 30 days after the written answer (arts. 36–37).',
  },
  PETITION_REVIEW_BEFORE_ANSWER: { status: 422, zh: '请求日期不能早于答复日期。', en: 'The request cannot predate the answer.' },
  PETITION_FINAL: {
    status: 409,
    zh: '该信访事项已经复核，同一事实和理由不再受理（信访工作条例第三十七条）。',
    en: 'This matter was re-reviewed; it is not accepted again on the same facts and grounds (art. 37).',
  },
  PETITION_DATE_ORDER: { status: 422, zh: '日期先后不对：{detail}。', en: 'The dates are out of order: {detail}.' },
  PETITION_HANDLER_NOT_IN_ORG: { status: 422, zh: '承办人须为本单位的账户。', en: 'Handlers must be accounts of your organisation.' },
});
