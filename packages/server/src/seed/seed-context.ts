import type { Db } from '../db/client.ts';
import type { RequestContext } from '../platform/context.ts';
import type { OrgRow } from '../modules/orgs/orgs.tables.ts';
import type { UserRow } from '../modules/accounts/accounts.tables.ts';

/** A small deterministic generator, so every fresh demo county is the same county. */
export function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

export interface SeedContext {
  db: Db;
  /** Acts as the seeding system in the audit trail. */
  ctx: RequestContext;
  /** The demo county's orgs by code: QX (county), XWB (county office), T01…T18, D01…D04. */
  orgs: Map<string, OrgRow>;
  /** Demo accounts by user name. */
  users: Map<string, UserRow>;
  townships: OrgRow[];
  /** The current year; demo history covers the year before it and this year so far. */
  year: number;
  today: Date;
  rng: Rng;
  progress(message: string): void;
}

/** One module's part of the demo county, run in order after the foundation. */
export interface SeedStep {
  name: string;
  run(s: SeedContext): Promise<void>;
}
