import { z } from 'zod';
import { safeString } from './common.ts';

export const ORG_KINDS = ['province', 'county', 'county_office', 'township', 'county_department'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const orgSchema = z.object({
  id: z.uuid(),
  name: safeString(),
  kind: z.enum(ORG_KINDS),
  parentId: z.uuid().nullable(),
});
export type Org = z.infer<typeof orgSchema>;

export const orgCreateSchema = z
  .object({
    name: safeString().trim().min(2).max(60),
    shortName: safeString().trim().min(1).max(20).optional(),
    kind: z.enum(['township', 'county_department']),
    parentId: z.uuid(),
    numberPrefix: safeString().trim().min(2).max(20).optional(),
    code: safeString()
      .trim()
      .regex(/^[A-Z0-9]{2,10}$/)
      .optional(),
  })
  .strict();
export type OrgCreate = z.infer<typeof orgCreateSchema>;

// ---- recipient groups (主送/抄送 groups, issue 13) -------------------------------------------

/** How many orgs a group may hold: a county has tens; a province-wide list stays well below this. */
export const RECIPIENT_GROUP_MAX_MEMBERS = 500;

/**
 * A recipient group as the county office keeps it: its name exactly as printed in 主送 / 抄送
 * ("各乡镇（区）党委、政府", "县直各单位") and its member orgs.
 */
export const recipientGroupInputSchema = z
  .object({
    name: safeString().trim().min(1).max(60),
    memberOrgIds: z.array(z.uuid()).min(1).max(RECIPIENT_GROUP_MAX_MEMBERS),
  })
  .strict();
export type RecipientGroupInput = z.infer<typeof recipientGroupInputSchema>;

export const recipientGroupSchema = z.object({
  id: z.uuid(),
  name: safeString(),
  memberOrgIds: z.array(z.uuid()),
  /** The members' names, in the tree's order (for the list page and the pickers' tooltips). */
  memberNames: z.array(safeString()),
  updatedAt: safeString(),
});
export type RecipientGroup = z.infer<typeof recipientGroupSchema>;

/** A group as a document keeps it: frozen when the draft is saved, so later edits of the group do not change it. */
export const recipientGroupSnapshotSchema = z.object({ id: z.uuid(), name: safeString(), memberOrgIds: z.array(z.uuid()) });
export type RecipientGroupSnapshot = z.infer<typeof recipientGroupSnapshotSchema>;

/**
 * 主送 / 抄送 as printed (GB/T 9704-2012 7.3.2 主送机关, 7.4.2 抄送机关; 条例 第九条: 主送机关 "使用机关全称、规范化简称或者
 * 同类型机关统称", which is what a group's name is): each group by its name, then each org
 * not reached through a group by its own name. `orgIds` holds every recipient org (members included).
 */
export function printedRecipients(
  orgIds: readonly string[],
  groups: readonly RecipientGroupSnapshot[],
  nameOf: (id: string) => string,
): string[] {
  const viaGroup = new Set(groups.flatMap((g) => g.memberOrgIds));
  return [...groups.map((g) => g.name), ...orgIds.filter((id) => !viaGroup.has(id)).map(nameOf)].filter(Boolean);
}

/**
 * Every recipient org of a group-addressed list, once each: the groups' members then the single
 * orgs (one also reached through a group is not delivered twice); the sender itself is left out.
 */
export function expandRecipients(
  singleOrgIds: readonly string[],
  groups: readonly RecipientGroupSnapshot[],
  senderOrgId: string,
): string[] {
  const out = new Set<string>();
  for (const g of groups) for (const id of g.memberOrgIds) out.add(id);
  for (const id of singleOrgIds) out.add(id);
  out.delete(senderOrgId);
  return [...out];
}
