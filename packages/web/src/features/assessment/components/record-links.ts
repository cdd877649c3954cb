import type { MetricKey } from '@township-office/domain/assessment';

/** Where an office finds the records behind a measured figure (its own registers). */
export const RECORD_PAGES: Record<MetricKey, string> = {
  receipt_timeliness: '/documents/inbox',
  closed_on_time: '/documents/registers/incoming',
  online_share: '/documents/registers/outgoing',
  info_points: '/information/submissions',
  info_adoption_rate: '/information/submissions',
  duty_log_completeness: '/duty/log',
  archived_share: '/archives/filing',
  exchange_meeting_attended: '/meetings',
  overdue_follow_ups: '/meetings/follow-ups',
  follow_ups_on_time: '/meetings/follow-ups',
  overdue_petitions: '/reception/petitions',
  petitions_on_time: '/reception/petitions',
  staff_filings_on_time: '/supervision/my-office',
  training_coverage: '/supervision/my-office',
  rotations_taken: '/supervision/my-office',
  rooms_in_use: '/supervision/my-office',
  rules_in_force: '/supervision/my-office',
  posts_assigned: '/supervision/my-office',
};
