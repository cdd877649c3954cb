import { defineErrors } from './errors.ts';

export const EnvironmentErrors = defineErrors({
  ORG_NOT_TOWNSHIP: { status: 422, zh: '该单位不是乡镇（区）。', en: 'This unit is not a township.' },
  RULE_DOCUMENT_NOT_FOUND: { status: 404, zh: '未找到该纪律文件。', en: 'No such rule document.' },
  RULE_ALREADY_ACKNOWLEDGED: { status: 409, zh: '本单位已签收该文件。', en: 'Your township has already acknowledged this document.' },
  POST_STAFF_NOT_FILED: { status: 422, zh: '岗位须明确到本乡镇已备案的办公室人员。', en: 'A post must go to a filed office staff member of the same township.' },
});
