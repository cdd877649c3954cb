import { INDICATOR_METHODS, SCHEME_STATUSES } from '@township-office/domain/assessment';

export const METHODS = INDICATOR_METHODS;
export const STATUSES = SCHEME_STATUSES;
export const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  consultation: 'orange',
  published: 'blue',
  self_assessment: 'cyan',
  scoring: 'purple',
  notice: 'gold',
  final: 'green',
};
