import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { systemContext } from '../platform/context.ts';
import { seedRecipientGroups } from './recipient-groups.seed.ts';
import { demoAccounts, isDemoSeeded, markDemoSeeded, seedAccounts, seedOrgs } from './demo-county.ts';
import { rng, type SeedContext, type SeedStep } from './seed-context.ts';
import { meetingsSeed } from '../modules/meetings/meetings.seed.ts';
import { dutySeed } from '../modules/duty/duty.seed.ts';
import { receptionSeed } from '../modules/reception/reception.seed.ts';
import { documentsSeed } from '../modules/documents/documents.seed.ts';
import { informationSeed } from './information.seed.ts';
import { archivesSeed } from './archives.seed.ts';
import { supervisionSeed } from './supervision.seed.ts';
import { assessmentSeed } from './assessment.seed.ts';
import { workbenchSeed } from './workbench.seed.ts';
import { refreshSearchIndex } from '../modules/search/search.service.ts';
import { refreshSummaries } from '../modules/dashboard/dashboard.service.ts';
import { chinaToday } from '@township-office/domain/dates';
import { seedDemoProvince } from './demo-province.ts';

/** Each module's part of the demo county, one line each, run in this order after orgs and accounts. */
export const seedSteps: SeedStep[] = [
  documentsSeed,
  informationSeed,
  archivesSeed,
  supervisionSeed,
  meetingsSeed,
  dutySeed,
  receptionSeed,
  assessmentSeed,
  workbenchSeed,
];

export interface SeedReport {
  orgs: number;
  users: number;
  steps: string[];
}

export interface SeedOptions {
  today?: Date;
  /** Called with (done, total, label) as the seed advances. */
  onProgress?: (done: number, total: number, label: string) => void;
  /** Run only the foundation (orgs and accounts), for tests that want a bare county. */
  foundationOnly?: boolean;
  /** Put the demo province (青原省, two province accounts) above the county; default: DEMO_PROVINCE=1. */
  province?: boolean;
  /**
   * Index the records for search before returning (default). `serve` passes false: the server's
   * search job (every SEARCH_REFRESH_MS) indexes the marked records after it is up, which was
   * 18–26 s of a first start on this machine under load.
   */
  indexSearch?: boolean;
}

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const r = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM orgs`);
  return Number(r.rows[0]!.n) === 0;
}

export async function seedDemo(db: Db, opts: SeedOptions = {}): Promise<SeedReport> {
  if (await isDemoSeeded(db)) throw new Error('the demo county is already in this database');
  if (!(await databaseIsEmpty(db))) throw new Error('the database already holds orgs; the demo county goes only into an empty database');
  const today = opts.today ?? new Date();
  const r = rng(2026);
  const accounts = demoAccounts(r);
  const steps = opts.foundationOnly ? [] : seedSteps;
  const total = 1 + accounts.length + steps.length + 1;
  let done = 0;
  const tick = (label: string) => opts.onProgress?.(++done, total, label);

  const seedActor = {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'system:seed',
    displayName: '演示数据',
    role: 'system_admin' as const,
    orgId: '',
  };
  const bootCtx = systemContext(seedActor, 'seed');
  const orgs = await seedOrgs(db, bootCtx);
  seedActor.orgId = orgs.get('QX')!.id;
  tick('orgs');
  const users = await seedAccounts(db, bootCtx, orgs, accounts, () => tick('accounts'));
  await seedRecipientGroups(db, bootCtx, orgs, users.get('county.admin')!.id);
  const s: SeedContext = {
    db,
    ctx: bootCtx,
    orgs,
    users,
    townships: [...orgs.values()].filter((o) => o.kind === 'township').sort((a, b) => a.sortOrder - b.sortOrder),
    year: today.getFullYear(),
    today,
    rng: r,
    progress: () => {},
  };
  for (const step of steps) {
    s.progress = (m) => opts.onProgress?.(done, total, `${step.name}: ${m}`);
    await step.run(s);
    tick(step.name);
  }
  // The county's records into the search index now, so a first search (and every database cloned
  // from this one) finds them without the indexer's first run.
  if (opts.indexSearch !== false) await refreshSearchIndex(db);
  tick(opts.indexSearch !== false ? 'search index' : 'search index: after start');
  if (opts.province ?? process.env.DEMO_PROVINCE === '1') await seedDemoProvince(db, bootCtx);
  // The dashboard's summary rows of the last ten years, so the first dashboard reads them.
  await refreshSummaries(db, chinaToday(today));
  await markDemoSeeded(db);
  return { orgs: orgs.size, users: users.size, steps: steps.map((x) => x.name) };
}
