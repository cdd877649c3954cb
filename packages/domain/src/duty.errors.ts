import { defineErrors } from './errors.ts';

export const DutyErrors = defineErrors({
  ROSTER_NEEDS_LEADER: {
    status: 422,
    zh: '每天须安排一名带班领导，请填写带班领导后再保存。',
    en: 'Every roster day needs a leader on duty; name one and save again.',
  },
  ROSTER_NEEDS_STAFF: { status: 422, zh: '每天至少安排一名值班人员。', en: 'Every roster day needs at least one member of staff on duty.' },
  ROSTER_DAY_MISSING: { status: 422, zh: '{day} 尚未排班，请先排班。', en: 'No roster for {day} yet; draw it up first.' },
  SWAP_NOT_ON_ROSTER: {
    status: 422,
    zh: '{name} 不在 {day} 的值班安排中，无法调班。',
    en: '{name} is not on the roster for {day}, so there is nothing to swap.',
  },
  SWAP_DECIDED: { status: 409, zh: '该调班申请已经处理。', en: 'This swap request has already been decided.' },
  HOLIDAY_NOT_FOUND: { status: 404, zh: '未找到该节假日。', en: 'No such holiday.' },
  HOLIDAY_ALREADY_SUBMITTED: {
    status: 409,
    zh: '本单位已报送该节假日值班表。',
    en: 'Your holiday roster for this holiday has already been submitted.',
  },
  HOLIDAY_ONLY_TOWNSHIPS: {
    status: 403,
    zh: '节假日值班表由乡镇（区）和县直单位向县委办报送。',
    en: 'Holiday rosters are submitted to the county office by townships and departments.',
  },
  LOG_NOT_INCIDENT: { status: 422, zh: '只有“突发事件”类记录可以向上报告。', en: 'Only incidents can be reported upward.' },
  LOG_ALREADY_REPORTED: { status: 409, zh: '该事件已向县委办报告。', en: 'This incident has already been reported to the county office.' },
  HANDOVER_SAME_PERSON: { status: 422, zh: '交班人和接班人不能是同一人。', en: 'The outgoing and incoming person must differ.' },
  HANDOVER_PERSON_NOT_IN_ORG: {
    status: 422,
    zh: '交班人和接班人须为本单位的账户。',
    en: 'Both people must be accounts of your organisation.',
  },
  HANDOVER_NOT_PARTY: {
    status: 403,
    zh: '只有交班人或接班人本人可以确认交接。',
    en: 'Only the outgoing or the incoming person may confirm the handover.',
  },
  HANDOVER_ALREADY_CONFIRMED: {
    status: 409,
    zh: '您已确认过此次交接，需由另一方确认。',
    en: 'You have already confirmed this handover; the other person must confirm.',
  },
  // Issue 9: was an ad-hoc English VALIDATION_FAILED detail.
  HOLIDAY_EXISTS: {
    status: 409,
    zh: '节假日“{name}”（{startsOn} 起）已在日历中，无需重复添加。',
    en: 'The holiday "{name}" starting {startsOn} is already in the calendar.',
  },
});
