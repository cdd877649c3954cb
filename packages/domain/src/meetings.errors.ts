import { defineErrors } from './errors.ts';

export const MeetingErrors = defineErrors({
  MEETING_NOT_DRAFT: {
    status: 409,
    zh: '会议记录已定稿，不能再修改；如需更正，请提交“更正”并写明原因。',
    en: 'The minutes are finalised and read-only; submit an amendment with a reason instead.',
  },
  MEETING_NOT_RECORDER: {
    status: 403,
    zh: '只有本次会议的记录人可以定稿会议记录。',
    en: 'Only the recorder of this meeting may finalise the minutes.',
  },
  MEETING_NOT_HOST: {
    status: 403,
    zh: '只有本次会议的主持人可以确认会议记录。',
    en: 'Only the host of this meeting may confirm the minutes.',
  },
  MEETING_NOT_FINALISED: {
    status: 409,
    zh: '会议记录尚未定稿，主持人暂不能确认。',
    en: 'The minutes are not finalised yet, so the host cannot confirm them.',
  },
  MEETING_ALREADY_CONFIRMED: { status: 409, zh: '会议记录已由主持人确认。', en: 'The host has already confirmed these minutes.' },
  MEETING_AMEND_NOT_ALLOWED: {
    status: 409,
    zh: '会议记录尚在记录中，请直接修改；定稿后才需要提交更正。',
    en: 'The minutes are still a draft; edit them directly. Amendments are for finalised minutes.',
  },
  MEETING_AMEND_ROLE: {
    status: 403,
    zh: '只有记录人或主持人可以更正已定稿的会议记录。',
    en: 'Only the recorder or the host may amend finalised minutes.',
  },
  MEETING_PERSON_NOT_IN_ORG: {
    status: 422,
    zh: '主持人和记录人须为本单位的账户。',
    en: 'The host and the recorder must be accounts of your organisation.',
  },
  MEETING_EMPTY: {
    status: 422,
    zh: '会议记录至少要有一个议题才能定稿。',
    en: 'Minutes need at least one agenda item before they can be finalised.',
  },
  MEETING_BAD_ATTENDING_ORG: {
    status: 422,
    zh: '参会乡镇须为本县的乡镇（区）。',
    en: 'Attending organisations must be townships of the county.',
  },
  DECISION_NOT_FOUND: {
    status: 422,
    zh: '找不到该议定事项，请刷新会议记录后重新选择。',
    en: 'No such decision in these minutes; reload them and choose again.',
  },
  FOLLOW_UP_NEEDS_FINAL: {
    status: 409,
    zh: '会议记录定稿后才能将议定事项转为督办。',
    en: 'Finalise the minutes before turning a decision into a follow-up.',
  },
  FOLLOW_UP_EXISTS: { status: 409, zh: '该议定事项已转为督办事项。', en: 'This decision is already being followed up.' },
  FOLLOW_UP_CLOSED: { status: 409, zh: '督办事项已办结，不能再更新。', en: 'The follow-up is closed and cannot change.' },
  SUMMARY_NEEDS_FINAL: {
    status: 409,
    zh: '会议记录定稿后才能起草会议纪要。',
    en: 'Finalise the minutes before drafting a 纪要 from them.',
  },
});
