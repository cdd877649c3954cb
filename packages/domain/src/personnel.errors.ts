import { defineErrors } from './errors.ts';

export const PersonnelErrors = defineErrors({
  STAFF_LIMIT_REASON_REQUIRED: {
    status: 422,
    zh: '本单位已有 {count} 名办公室专职人员（规定 2–3 名），再增加须写明理由。',
    en: 'This township already has {count} designated office staff (the rule is 2–3); give a reason to add another.',
  },
  STAFF_NOT_FOUND: {
    status: 404,
    zh: '未找到该人员的备案记录，或该人员不属于本单位。',
    en: 'No filed record of this person, or the person belongs to another township.',
  },
  STAFF_NOT_ACTIVE: {
    status: 409,
    zh: '该人员已离岗，不能再办理此项备案。',
    en: 'This person has left the office; this filing is no longer possible.',
  },
  FILING_OPEN: {
    status: 409,
    zh: '该人员已有一项待县委办确认的备案，请等待确认或退回后再报。',
    en: 'This person already has a filing awaiting the county office; wait for it to be acknowledged or returned.',
  },
  ID_NUMBER_FILED: {
    status: 409,
    zh: '身份证号 {idNumber} 已在人员信息库中或已有待确认的备案。',
    en: 'ID number {idNumber} is already in the personnel database or in a pending filing.',
  },
  FILING_NOT_FOUND: { status: 404, zh: '未找到该备案，或您无权查看。', en: 'The filing was not found, or you may not see it.' },
  FILING_NOT_SUBMITTED: { status: 409, zh: '该备案已处理（{state}），不能重复处理。', en: 'This filing was already handled ({state}).' },
  CHANGE_DATE_FUTURE: { status: 422, zh: '变动日期不能晚于今天。', en: 'The date of the change cannot be in the future.' },
  TRANSFER_TARGET_INVALID: {
    status: 422,
    zh: '调入单位须为本县其他乡镇（区）。',
    en: 'The receiving unit must be another township of the county.',
  },
  ORG_NOT_TOWNSHIP: {
    status: 422,
    zh: '该单位不是乡镇（区），不设办公室专职人员备案。',
    en: 'This unit is not a township; staff filing applies to townships.',
  },
  LEADER_NOT_FOUND: { status: 404, zh: '该乡镇尚未明确分管领导。', en: 'This township has no leader in charge on record.' },
  IMPORT_TOO_LARGE: {
    status: 413,
    zh: '表格文件过大（上限 {limit}），请拆分后再导入。',
    en: 'The sheet is too large (limit {limit}); split it and import again.',
  },
  IMPORT_NOT_XLSX: { status: 415, zh: '请上传 Excel（.xlsx）文件。', en: 'Upload an Excel (.xlsx) file.' },
  IMPORT_WRONG_COLUMNS: {
    status: 422,
    zh: '表头与模板不一致：应为“{expected}”。请下载模板后重新填写。',
    en: 'The header row does not match the template: expected "{expected}". Download the template and fill it in again.',
  },
  IMPORT_INVALID_ROWS: {
    status: 422,
    zh: '表格中有 {count} 行不符合要求，未导入任何人员。请按校验报告逐行修改后重新导入。',
    en: '{count} rows are invalid; nothing was imported. Fix each row named in the report and import again.',
  },
  IMPORT_EMPTY: { status: 422, zh: '表格中没有人员数据。', en: 'The sheet holds no staff rows.' },
  // Issue 9: concurrent writes that a unique index decides.
  LEADER_CHANGED: {
    status: 409,
    zh: '该乡镇的分管领导刚刚由他人调整过，请刷新页面，核对当前分管领导后再操作。',
    en: 'Someone else has just changed the leader in charge of this township. Reload the page, check the current leader and try again.',
  },
  LEADER_ACCOUNT_INVALID: {
    status: 422,
    zh: '所选账号不是该乡镇的分管领导账号（或已停用）。请选择该乡镇在用的分管领导账号。',
    en: 'The chosen account is not an active leader-in-charge account of this township. Pick one of its active leader accounts.',
  },
  IMPORT_ID_NUMBER_FILED: {
    status: 409,
    zh: '表格中有身份证号已在人员信息库中或已有待确认的备案（可能刚被他人录入），未导入任何人员。请核对后重新导入。',
    en: 'An ID number in the sheet is already in the personnel database or in a pending filing (perhaps just entered by someone else); nothing was imported. Check the sheet and import again.',
  },
});
