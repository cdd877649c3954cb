import { defineErrors } from './errors.ts';

export const DashboardErrors = defineErrors({
  DASHBOARD_COUNTY_REQUIRED: {
    status: 400,
    zh: '请先在全省总览中选择一个县，再查看该县的乡镇总览。',
    en: 'Choose a county in the province overview first, then open its township overview.',
  },
  DASHBOARD_NOT_IN_PROVINCE: {
    status: 404,
    zh: '未找到该县或乡镇，或它不在本省范围内。',
    en: 'No such county or township, or it is not in your province.',
  },
  DASHBOARD_NOT_IN_COUNTY: {
    status: 404,
    zh: '未找到该县或乡镇，或它不属于本县。',
    en: 'No such county or township, or it is not in your county.',
  },
});
