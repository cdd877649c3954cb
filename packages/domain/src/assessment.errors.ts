import { defineErrors } from './errors.ts';

export const AssessmentErrors = defineErrors({
  ASSESSMENT_NOTICE_EXISTS: {
    status: 409,
    zh: '这份考评细则的印发通知已拟稿（稿件编号 {documentId}），请在发文中打开该稿继续办理，不要重复拟稿。',
    en: 'The notice issuing this scheme has already been drafted (document {documentId}); open that draft in outgoing documents instead of drafting another.',
  },
  ASSESSMENT_NOTICE_NOT_PUBLISHED: {
    status: 409,
    zh: '考评细则发布后、结果确定前才能以通知印发，当前状态为“{status}”。',
    en: 'A scheme can be issued as a notice between its publication and its final results; it is "{status}" now.',
  },
  ASSESSMENT_DUPLICATE_SCHEME: {
    status: 409,
    zh: '{year}年度该类单位的考评细则已存在，请在原细则上修改。',
    en: 'A {year} scheme for this group already exists; edit that one instead.',
  },
  ASSESSMENT_COPY_SOURCE: {
    status: 422,
    zh: '要复制的考评细则不存在或考评对象不同。',
    en: 'The scheme to copy from does not exist or assesses a different group.',
  },
  ASSESSMENT_NOT_DRAFT: {
    status: 409,
    zh: '考评细则已不是草稿，指标不能再修改；如需调整，请另立新版本并写明原因。',
    en: 'The scheme is no longer a draft, so its indicators cannot change; create a new version with a reason.',
  },
  ASSESSMENT_DUPLICATE_CODE: { status: 422, zh: '指标编号“{code}”重复。', en: 'Indicator code "{code}" appears twice.' },
  ASSESSMENT_NEGATIVE_WEIGHT: {
    status: 422,
    zh: '指标“{code}”的分值不能为负数。',
    en: 'Indicator "{code}" has a negative weight; weights must be 0 or more.',
  },
  ASSESSMENT_UNKNOWN_PARENT: {
    status: 422,
    zh: '指标“{code}”的上级指标“{parentCode}”不存在。',
    en: 'The parent "{parentCode}" of indicator "{code}" does not exist.',
  },
  ASSESSMENT_PARENT_CYCLE: {
    status: 422,
    zh: '指标“{code}”的上下级关系形成了循环。',
    en: 'The parents of indicator "{code}" form a cycle.',
  },
  ASSESSMENT_UNKNOWN_METRIC: {
    status: 422,
    zh: '指标“{code}”引用的统计口径“{metric}”不存在。',
    en: 'Indicator "{code}" names an unknown metric "{metric}".',
  },
  ASSESSMENT_MEASURED_NEEDS_METRIC: {
    status: 422,
    zh: '指标“{code}”为系统测算，须选择统计口径。',
    en: 'Indicator "{code}" is measured and needs a metric.',
  },
  ASSESSMENT_RULE_NEEDS_PER_EVENT: {
    status: 422,
    zh: '扣分或加分指标“{code}”须按次计分（每次分值、上限）。',
    en: 'Deduction or bonus indicator "{code}" must score per event (points each, with a cap).',
  },
  ASSESSMENT_WEIGHTS_NOT_100: {
    status: 422,
    zh: '一级指标分值合计为{sum}分，须为100分（扣分、加分项除外），不能发布。',
    en: 'The top-level weights add up to {sum}, not 100 (deductions and bonuses aside); the scheme cannot be published.',
  },
  ASSESSMENT_CHILD_WEIGHTS: {
    status: 422,
    zh: '指标“{code}”的下级分值合计{sum}分，与其分值{weight}分不符。',
    en: 'The sub-items of "{code}" add up to {sum}, not its weight {weight}.',
  },
  ASSESSMENT_BAD_STEP: {
    status: 409,
    zh: '考评细则当前为“{status}”，不能执行此操作。',
    en: 'The scheme is "{status}"; this step is not possible now.',
  },
  ASSESSMENT_COMMENTS_UNANSWERED: {
    status: 409,
    zh: '还有{count}条征求意见未答复，答复后才能发布。',
    en: '{count} consultation comments are unanswered; answer them before publishing.',
  },
  ASSESSMENT_CONSULTATION_CLOSED: {
    status: 409,
    zh: '征求意见已截止或尚未开始，不能再提意见。',
    en: 'The consultation is not open; comments are no longer accepted.',
  },
  ASSESSMENT_UNKNOWN_INDICATOR: { status: 422, zh: '指标“{code}”不在本细则中。', en: 'Indicator "{code}" is not in this scheme.' },
  ASSESSMENT_NOT_SCORABLE: {
    status: 422,
    zh: '指标“{code}”由系统测算或含下级指标，不能人工评分。',
    en: 'Indicator "{code}" is measured or has sub-items; it cannot be scored by hand.',
  },
  ASSESSMENT_SCORE_RANGE: {
    status: 422,
    zh: '指标“{code}”的得分须在{min}至{max}分之间。',
    en: 'The score for "{code}" must be between {min} and {max}.',
  },
  ASSESSMENT_DUPLICATE_SCORE: {
    status: 422,
    zh: '评分表中同一单位的指标“{code}”出现了两次。',
    en: 'The score sheet gives indicator "{code}" twice for the same organisation.',
  },
  ASSESSMENT_NOT_SCORING: {
    status: 409,
    zh: '考评细则当前为“{status}”，不能评分。',
    en: 'The scheme is "{status}"; scores cannot be entered now.',
  },
  ASSESSMENT_NOT_TARGET: {
    status: 422,
    zh: '该单位不是本细则的考评对象。',
    en: 'That organisation is not assessed under this scheme.',
  },
  ASSESSMENT_SCORES_MISSING: {
    status: 409,
    zh: '还有{count}项人工评分未完成，不能进入公示。',
    en: '{count} manual scores are still missing; finish scoring before the public notice.',
  },
  ASSESSMENT_APPEAL_WINDOW: {
    status: 409,
    zh: '公示期已结束或尚未开始，不能再申诉。',
    en: 'The public-notice window is not open; appeals are no longer accepted.',
  },
  ASSESSMENT_APPEALS_OPEN: {
    status: 409,
    zh: '还有{count}件申诉未答复，答复后才能确定最终结果。',
    en: '{count} appeals are unanswered; answer them before the results are final.',
  },
  ASSESSMENT_ALREADY_ANSWERED: { status: 409, zh: '已答复，不能重复答复。', en: 'This has already been answered.' },
  ASSESSMENT_NOT_OWN_OFFICE: {
    status: 403,
    zh: '只能就本单位的考评提出意见或申诉。',
    en: 'You may comment on or appeal only your own organisation’s assessment.',
  },
  ASSESSMENT_DATE_ORDER: {
    status: 422,
    zh: '截止日期不能早于今天。',
    en: 'The closing date cannot be before today.',
  },
  ASSESSMENT_SELF_SUMMARY_MISSING: {
    status: 409,
    zh: '本单位尚未提交自评总结，分管负责人无可确认的内容。',
    en: 'Your office has not sent its self-assessment summary yet; there is nothing to confirm.',
  },
  ASSESSMENT_SELF_CONFIRMED: {
    status: 409,
    zh: '自评已由分管负责人确认，无需重复确认。',
    en: 'The self-assessment has already been confirmed by the leader in charge.',
  },
  ASSESSMENT_NOT_REVISABLE: {
    status: 409,
    zh: '考评细则当前为“{status}”，只有已发布、自评阶段的细则可以另立新版本。',
    en: 'The scheme is "{status}"; only a published scheme before scoring can be revised with a new version.',
  },
  ASSESSMENT_REVISION_UNCHANGED: {
    status: 422,
    zh: '新版本的指标与现行版本完全相同，无需另立新版本。',
    en: 'The new version has the same indicators as the one in force; there is nothing to revise.',
  },
  ASSESSMENT_GRADE_ORDER: {
    status: 422,
    zh: '等次分数线须满足：优秀（{excellentMin}）≥ 良好（{goodMin}）≥ 合格（{passMin}）。',
    en: 'Grade thresholds must satisfy excellent ({excellentMin}) ≥ good ({goodMin}) ≥ pass ({passMin}).',
  },
  ASSESSMENT_GRADES_FINAL: {
    status: 409,
    zh: '结果已确定，等次设置不能再修改。',
    en: 'The results are final; the grade settings can no longer change.',
  },
});
