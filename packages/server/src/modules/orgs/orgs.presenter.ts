import type { Org } from '@township-office/domain/orgs';
import type { OrgRow } from './orgs.tables.ts';

export function presentOrg(row: OrgRow): Org & { shortName: string | null; code: string } {
  return { id: row.id, name: row.name, kind: row.kind, parentId: row.parentId, shortName: row.shortName, code: row.code };
}
