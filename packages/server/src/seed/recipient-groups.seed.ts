/**
 * The demo county's recipient groups (issue 13): "各乡镇（区）党委、政府" = its 18 townships and
 * "县直各单位" = its county departments, kept by the county office, so a notice to every township
 * prints the group's name in 主送, not eighteen names.
 */
import type { Db } from '../db/client.ts';
import { writeAudit } from '../platform/audit.ts';
import type { RequestContext } from '../platform/context.ts';
import type { OrgRow } from '../modules/orgs/orgs.tables.ts';
import { recipientGroupsRepository } from '../modules/orgs/recipient-groups.repository.ts';

export const DEMO_RECIPIENT_GROUPS = { townships: '各乡镇（区）党委、政府', departments: '县直各单位' } as const;

export async function seedRecipientGroups(db: Db, ctx: RequestContext, orgs: Map<string, OrgRow>, createdBy: string): Promise<void> {
  const county = orgs.get('QX')!;
  const ordered = (kind: OrgRow['kind']) =>
    [...orgs.values()]
      .filter((o) => o.kind === kind)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((o) => o.id);
  await db.transaction(async (tx) => {
    for (const [name, members] of [
      [DEMO_RECIPIENT_GROUPS.townships, ordered('township')],
      [DEMO_RECIPIENT_GROUPS.departments, ordered('county_department')],
    ] as const) {
      if (members.length === 0) continue;
      const row = await recipientGroupsRepository.insert(tx, { orgId: county.id, name, memberOrgIds: [...members], createdBy });
      await writeAudit(tx, ctx, {
        action: 'recipientGroup.create',
        entity: 'recipient_group',
        entityId: row.id,
        orgId: county.id,
        after: row,
      });
    }
  });
}
