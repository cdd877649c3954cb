import { defineErrors } from './errors.ts';

export const ArchiveErrors = defineErrors({
  ARCHIVE_NOT_CONFIGURED: {
    status: 409,
    zh: '本单位尚未设置全宗号和分类方案，请先在“档案设置”中完成设置。',
    en: 'Set the fonds code and classification scheme under archive settings first.',
  },
  ARCHIVE_CLASS_UNKNOWN: {
    status: 400,
    zh: '分类代码“{code}”不在本单位的{kind}分类中，请先在档案设置中添加。',
    en: 'The class code "{code}" is not one of your {kind} classes; add it in archive settings first.',
  },
  ARCHIVE_SCHEME_MISMATCH: {
    status: 409,
    zh: '{year}年度已按{existing}分类归档，同一年度不能混用机构和问题分类。',
    en: 'Year {year} is already filed by {existing}; one year cannot mix org units and subjects.',
  },
  ARCHIVE_SOURCE_NOT_CLOSED: {
    status: 409,
    zh: '该文件尚未办结（{status}），办结后才能归档。',
    en: 'This document is not closed yet ({status}); archive it once it is closed.',
  },
  ARCHIVE_ALREADY_ARCHIVED: { status: 409, zh: '该文件已归档，档号 {code}。', en: 'This document is already archived as {code}.' },
  ARCHIVE_IMMUTABLE: {
    status: 409,
    zh: '已归档的文件不能修改。如需更正，请添加更正说明（批注），原记录保持不变。',
    en: 'Archived items cannot be changed. Add a correction note instead; the record stays as filed.',
  },
  ARCHIVE_GROUP_FULL: { status: 409, zh: '该组件号已达 9999，请按规则另立分组。', en: 'This group has reached item number 9999.' },
  ARCHIVE_ITEM_ON_LOAN: {
    status: 409,
    zh: '该档案已借出（借阅人：{borrower}），归还后才能再次借出。',
    en: 'This item is on loan to {borrower}; it can be lent again after its return.',
  },
  ARCHIVE_LOAN_RETURNED: { status: 409, zh: '该借阅已归还。', en: 'This loan was already returned.' },
  ARCHIVE_LOAN_DUE_PAST: { status: 400, zh: '归还日期不能早于今天。', en: 'The due date cannot be in the past.' },
  ARCHIVE_TRANSFER_EMPTY: {
    status: 409,
    zh: '{year}年度没有可移交的永久或定期30年档案，或已全部移交。',
    en: 'Year {year} has no permanent or 30-year items left to transfer.',
  },
  ARCHIVE_CLASSIFIED_SOURCE: {
    status: 409,
    zh: '涉密文件仅有纸质原件登记，请按纸质档案手工著录归档。',
    en: 'Classified documents exist here only as paper register entries; file them as manual items.',
  },
  // Issue 9: were ad-hoc English VALIDATION_FAILED details, or a race answered with an empty parameter.
  ARCHIVE_SOURCE_TWICE: {
    status: 400,
    zh: '同一份文件在本次归档中出现了两次，请去掉重复的文件后再归档。',
    en: 'The same document appears twice in this batch; remove the duplicate and try again.',
  },
  ARCHIVE_SOURCE_WRONG_YEAR: {
    status: 400,
    zh: '《{title}》属于 {year} 年度，不能归入 {target} 年度，请选择该年度的文件。',
    en: '"{title}" belongs to {year}, not to {target}; choose documents of that year.',
  },
  ARCHIVE_JUST_ARCHIVED: {
    status: 409,
    zh: '该文件刚刚由他人归档，请刷新页面查看档号。',
    en: 'Someone else has just archived this document. Reload the page to see its archival code.',
  },
  ARCHIVE_JUST_LENT: {
    status: 409,
    zh: '该档案刚刚由他人借出，请刷新页面查看借阅人。',
    en: 'Someone else has just lent this item. Reload the page to see the borrower.',
  },
});
