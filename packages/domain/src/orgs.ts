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
