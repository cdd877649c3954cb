import { CommonErrors } from '@township-office/domain/errors';
import type { OrgCreate } from '@township-office/domain/orgs';
import type { Db, DbOrTx } from '../../db/client.ts';
import { assertMay } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, mapPgError } from '../../platform/errors.ts';
import { orgsRepository } from './orgs.repository.ts';
import type { OrgRow } from './orgs.tables.ts';

/** An org as other modules see it (they read orgs only through this service). */
export type { OrgRow } from './orgs.tables.ts';

/** One org by id (active or disabled), or undefined. */
export function orgById(db: DbOrTx, id: string): Promise<OrgRow | undefined> {
  return orgsRepository.byId(db, id);
}

/** The county at the root of the tree (under a province, if the installation has one: the first county). */
export function rootOrg(db: DbOrTx): Promise<OrgRow | undefined> {
  return orgsRepository.root(db);
}

/** The orgs a caller may address (send to, filter by): the whole active tree. */
export function listOrgs(db: DbOrTx): Promise<OrgRow[]> {
  return orgsRepository.listActive(db);
}

export async function requireOrg(db: Db, id: string): Promise<OrgRow> {
  const org = await orgsRepository.byId(db, id);
  if (!org || org.disabledAt) throw new AppError(CommonErrors.ORG_NOT_FOUND, { id });
  return org;
}

export async function createOrg(db: Db, ctx: RequestContext, input: OrgCreate): Promise<OrgRow> {
  assertMay(ctx.actor, 'orgs.manage');
  await requireOrg(db, input.parentId);
  const code = input.code ?? `O${Date.now().toString(36).toUpperCase().slice(-8)}`;
  try {
    return await db.transaction(async (tx) => {
      const row = await orgsRepository.insert(tx, {
        name: input.name,
        shortName: input.shortName ?? null,
        kind: input.kind,
        parentId: input.parentId,
        numberPrefix: input.numberPrefix ?? null,
        code,
      });
      await writeAudit(tx, ctx, { action: 'org.create', entity: 'org', entityId: row.id, after: row });
      return row;
    });
  } catch (err) {
    mapPgError(err, { orgs_code_key: new AppError(CommonErrors.ORG_CODE_TAKEN, { code }) });
  }
}
