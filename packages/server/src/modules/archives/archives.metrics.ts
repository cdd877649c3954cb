/**
 * The share of closed documents archived by the deadline (30 June of the next year), per org: the
 * dashboard and the assessment read it. Orgs with neither closed nor archived documents are left out.
 */
import type { DbOrTx } from '../../db/client.ts';
import { archivesRepository } from './archives.repository.ts';
import { archiveSources } from './archives.sources.ts';

export async function archivedShareByOrg(db: DbOrTx, year: number): Promise<{ orgId: string; closed: number; archived: number }[]> {
  const [closed, archived] = await Promise.all([
    archiveSources.closedCountByOrg(db, year),
    archivesRepository.archivedCountByOrg(db, year),
  ]);
  const orgIds = new Set([...closed.keys(), ...archived.keys()]);
  return [...orgIds].map((orgId) => ({
    orgId,
    closed: closed.get(orgId) ?? 0,
    archived: Math.min(archived.get(orgId) ?? 0, closed.get(orgId) ?? 0),
  }));
}
