import { defineErrors } from './errors.ts';

export const EnvironmentErrors = defineErrors({
  ORG_NOT_TOWNSHIP: { status: 422, zh: '该单位不是乡镇（区）。', en: 'This unit is not a township.' },
  RULE_DOCUMENT_NOT_FOUND: { status: 404, zh: '未找到该纪律文件。', en: 'No such rule document.' },
  RULE_ALREADY_ACKNOWLEDGED: { status: 409, zh: '本单位已签收该文件。', en: 'Your township has already acknowledged this document.' },
  POST_STAFF_NOT_FILED: {
    status: 422,
    zh: '岗位须明确到本乡镇已备案的办公室人员。',
    en: 'A post must go to a filed office staff member of the same township.',
  },
  // Issue 9: concurrent writes that a unique index decides.
  POST_CHANGED: {
    status: 409,
    zh: '该岗位刚刚由他人调整过，请刷新页面，核对当前人员后再操作。',
    en: 'Someone else has just changed this post. Reload the page, check who holds it and try again.',
  },
  RULE_CHANGED: {
    status: 409,
    zh: '该类制度刚刚由他人调整过，请刷新页面，核对现行制度后再操作。',
    en: 'Someone else has just changed this kind of rule. Reload the page, check the rule in force and try again.',
  },
});
