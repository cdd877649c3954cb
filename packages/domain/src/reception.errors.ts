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
    zh: '延期不得超过 30 日（信访工作条例第三十四条）。',
    en: 'An extension may be at most 30 days (信访工作条例, art. 34).',
  },
  PETITION_ALREADY_EXTENDED: {
    status: 409,
    zh: '该信访件已延期一次，不能再次延期（信访工作条例第三十四条）。',
    en: 'This case has already been extended once; a second extension is not allowed (art. 34).',
  },
  PETITION_PAST_DUE: {
    status: 409,
    zh: '办理期限已过，不能再申请延期，请尽快办结。',
    en: 'The handling period has ended, so it can no longer be extended; close the case.',
  },
  PETITION_REVIEW_TOO_LATE: {
    status: 422,
    zh: '请求已超过信访人收到书面答复之日起 30 日的期限（信访工作条例第三十五条、第三十六条）。',
    en: 'The request came more than 30 days after the petitioner received the written answer (信访工作条例, arts. 35–36).',
  },
  PETITION_REVIEW_BEFORE_ANSWER: {
    status: 422,
    zh: '请求日期不能早于信访人收到书面答复的日期。',
    en: 'The request cannot predate the petitioner’s receipt of the written answer.',
  },
  PETITION_REVIEW_NO_RECEIPT: {
    status: 409,
    zh: '尚未登记信访人收到书面答复的日期，请先补录后再登记请求。',
    en: 'The day the petitioner received the written answer is not recorded yet; record it before the request.',
  },
  PETITION_OBJECTION_DIRECT: {
    status: 409,
    zh: '只有转送、交办的信访件可以提出异议（信访工作条例第二十三条第三款）。',
    en: 'Only a transferred or assigned case can be objected to (信访工作条例, art. 23(3)).',
  },
  PETITION_OBJECTION_TOO_LATE: {
    status: 422,
    zh: '异议须在收到之日起 5 个工作日内提出（信访工作条例第二十三条第三款），已超过期限。',
    en: 'An objection must be raised within 5 working days of receipt (信访工作条例, art. 23(3)); that time has passed.',
  },
  PETITION_FINAL: {
    status: 409,
    zh: '该信访事项已经复核，以同一事实和理由提出的不再受理；如有新的事实或理由，请填写后登记（信访工作条例第三十六条）。',
    en: 'This matter was re-reviewed; it is not accepted again on the same facts and grounds — record the new facts or grounds if there are any (信访工作条例, art. 36).',
  },
  PETITION_DATE_ORDER: { status: 422, zh: '日期先后不对：{detail}。', en: 'The dates are out of order: {detail}.' },
  PETITION_HANDLER_NOT_IN_ORG: { status: 422, zh: '承办人须为本单位的账户。', en: 'Handlers must be accounts of your organisation.' },
});
