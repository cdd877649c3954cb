import type { IndicatorOut } from '../api/assessment.ts';

/** Scored from a metric (the server's isMeasuredLeaf): the county does not score these by hand. */
export const isMeasuredIndicator = (i: Pick<IndicatorOut, 'metric' | 'method'>) =>
  i.metric !== null && (i.method === 'measured' || i.method === 'deduction' || i.method === 'bonus');
