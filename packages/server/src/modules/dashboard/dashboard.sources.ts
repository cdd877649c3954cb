/**
 * Figures other modules measure (documents, duty, meetings, petitions), read through each
 * module's own metrics service, never its tables. A source that fails is logged and shown as
 * "no data yet" (暂无数据) instead of breaking the county's whole dashboard.
 */
import type { Db } from '../../db/client.ts';
import { onlineShareByOrgMonth } from '../documents/documents.metrics.ts';
import { dutyLogDaysKept } from '../duty/duty.metrics.ts';
import { exchangeMeetingsInYear, overdueFollowUpsByOrg } from '../meetings/meetings.metrics.ts';
import { overduePetitionsByOrg } from '../reception/petitions.metrics.ts';

export interface Sources {
  onlineShareByOrgMonth?: (db: Db, year: number) => Promise<{ orgId: string; month: number; online: number; total: number }[]>;
  dutyLogDaysKept?: (db: Db, year: number) => Promise<{ orgId: string; daysKept: number; daysExpected: number }[]>;
  exchangeMeetingsInYear?: (db: Db, year: number) => Promise<{ meetingId: string; date: string; townshipOrgIds: string[] }[]>;
  overdueFollowUpsByOrg?: (db: Db, today: string) => Promise<{ orgId: string; overdue: number }[]>;
  overduePetitionsByOrg?: (db: Db, today: string) => Promise<{ orgId: string; overdue: number }[]>;
}

const SOURCES: Sources = { onlineShareByOrgMonth, dutyLogDaysKept, exchangeMeetingsInYear, overdueFollowUpsByOrg, overduePetitionsByOrg };

/** Every source is optional in the type, so a deployment without a module can leave it out here. */
export async function loadSources(): Promise<Sources> {
  return SOURCES;
}

/** Call one source; a failure is logged and shown as "no data yet" rather than a 5xx on the dashboard. */
export async function readSource<T>(name: keyof Sources, run: (() => Promise<T>) | undefined): Promise<T | null> {
  if (!run) return null;
  try {
    return await run();
  } catch (err) {
    console.error(`[dashboard] metrics source ${name} failed:`, (err as Error).message);
    return null;
  }
}
