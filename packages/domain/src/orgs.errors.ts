import { defineErrors } from './errors.ts';

/** Errors of the recipient groups the county office keeps (issue 13). */
export const RecipientGroupErrors = defineErrors({
  RECIPIENT_GROUP_NOT_FOUND: {
    status: 404,
    zh: '主送/抄送分组不存在或已删除：{id}。请刷新后重新选择。',
    en: 'No such recipient group (or it was deleted): {id}. Reload and choose again.',
  },
  RECIPIENT_GROUP_NAME_TAKEN: {
    status: 409,
    zh: '已有名为"{name}"的分组，请换一个名称或修改原分组。',
    en: 'A group named "{name}" already exists. Choose another name or edit that group.',
  },
  RECIPIENT_GROUP_MEMBER_UNKNOWN: {
    status: 422,
    zh: '分组成员中有不存在或已停用的单位：{id}。请刷新后重新选择成员。',
    en: 'A member of the group is not an active organisation: {id}. Reload and choose the members again.',
  },
  RECIPIENT_GROUP_MEMBER_OUTSIDE: {
    status: 422,
    zh: '单位"{name}"不属于本县，不能加入本县的分组。',
    en: '"{name}" is not an organisation of this county and cannot join its groups.',
  },
  RECIPIENT_GROUP_MEMBER_DUPLICATE: {
    status: 422,
    zh: '同一单位在分组成员中出现了两次：{name}。',
    en: 'The same organisation is listed twice among the members: {name}.',
  },
  MAIN_RECIPIENT_REQUIRED: {
    status: 422,
    zh: '请至少选择一个主送单位或主送分组（分组中只有本单位时不算）。',
    en: 'Choose at least one main recipient, an organisation or a group (a group holding only your own organisation does not count).',
  },
  RECIPIENT_GROUP_NO_COUNTY: {
    status: 409,
    zh: '本单位不在任何县的单位树下，无法维护主送/抄送分组。',
    en: 'Your organisation is not under a county, so it keeps no recipient groups.',
  },
});
