/**
 * Figures other modules measure (documents, duty, meetings, petitions, archives). Each is read
 * through that module's own metrics service; a module not yet present in this deployment, or
 * whose metrics fail, shows as "no data yet" instead of breaking the county's dashboard.
 */
import type { Db } from '../../db/client.ts';

export interface Sources {
  onlineShareByOrgMonth?: (db: Db, year: number) => Promise<{ orgId: string; month: number; online: number; total: number }[]>;
  dutyLogDaysKept?: (db: Db, year: number) => Promise<{ orgId: string; daysKept: number; daysExpected: number }[]>;
  exchangeMeetingsInYear?: (db: Db, year: number) => Promise<{ meetingId: string; date: string; townshipOrgIds: string[] }[]>;
  overdueFollowUpsByOrg?: (db: Db, today: string) => Promise<{ orgId: string; overdue: number }[]>;
  overduePetitionsByOrg?: (db: Db, today: string) => Promise<{ orgId: string; overdue: number }[]>;
  archivedShareByOrg?: (db: Db, year: number) => Promise<{ orgId: string; share?: number; archived?: number; total?: number }[]>;
}

const SPECS: { file: string; names: (keyof Sources)[] }[] = [
  { file: '../documents/documents.metrics.ts', names: ['onlineShareByOrgMonth'] },
  { file: '../duty/duty.metrics.ts', names: ['dutyLogDaysKept'] },
  { file: '../meetings/meetings.metrics.ts', names: ['exchangeMeetingsInYear', 'overdueFollowUpsByOrg'] },
  { file: '../reception/petitions.metrics.ts', names: ['overduePetitionsByOrg'] },
  { file: '../archives/archives.metrics.ts', names: ['archivedShareByOrg'] },
];

let loaded: Promise<Sources> | undefined;

/** Loaded once per process; the paths are variables so a module that is absent is simply skipped. */
export function loadSources(): Promise<Sources> {
  loaded ??= (async () => {
    const out: Sources = {};
    for (const spec of SPECS) {
      const url = new URL(spec.file, import.meta.url).href;
      const mod = (await import(/* @vite-ignore */ url).catch(() => null)) as Record<string, unknown> | null;
      if (!mod) continue;
      for (const name of spec.names) if (typeof mod[name] === 'function') (out as Record<string, unknown>)[name] = mod[name];
    }
    return out;
  })();
  return loaded;
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
