import { defineErrors } from './errors.ts';

export const TrainingErrors = defineErrors({
  ROTATION_STAFF_NOT_FILED: {
    status: 422,
    zh: '人员 {staffId} 没有已确认的备案记录，不能安排跟班学习。请先由乡镇报送人员备案。',
    en: 'Person {staffId} has no acknowledged filing and cannot be scheduled; the township must file the person first.',
  },
  ROTATION_ONLY_STAFF: {
    status: 422,
    zh: '{name} 是所在乡镇唯一的办公室人员，跟班期间办公室将无人，不能安排。',
    en: '{name} is the only office staff member of the township; the office would be empty.',
  },
  ROTATION_SAME_TOWNSHIP: {
    status: 422,
    zh: '同一季度每个乡镇最多安排 1 人跟班，以免影响乡镇工作。',
    en: 'At most one person per township per quarter.',
  },
  ROTATION_QUARTER_FULL: {
    status: 409,
    zh: '{year} 年第 {quarter} 季度已安排 {count} 人，每季度最多 3 人。',
    en: 'Q{quarter} {year} already has {count} people; at most 3 per quarter.',
  },
  ROTATION_DUPLICATE: { status: 409, zh: '该人员本季度已安排跟班学习。', en: 'This person is already scheduled this quarter.' },
  ROTATION_NOT_FOUND: { status: 404, zh: '未找到该跟班学习记录。', en: 'No such rotation.' },
  ROTATION_NOT_CONFIRMED: {
    status: 409,
    zh: '该跟班学习已结束或已取消，不能再登记。',
    en: 'This rotation is already completed or cancelled.',
  },
  // No record id in the words: a clerk cannot act on a UUID.
  TRAINING_ATTENDEE_UNKNOWN: {
    status: 422,
    zh: '所选参训人员中有人不在本单位的人员信息库中（或已离岗），请从人员名单中重新选择。',
    en: 'One of the chosen attendees is not in your personnel database (or has left); pick the attendees from the staff list again.',
  },
});
