import { z } from 'zod';

export const ORG_KINDS = ['county', 'county_office', 'township', 'county_department'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const orgSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  parentId: z.string().uuid().nullable(),
});
export type Org = z.infer<typeof orgSchema>;

export const orgCreateSchema = z
  .object({
    name: z.string().trim().min(2).max(60),
    shortName: z.string().trim().min(1).max(20).optional(),
    kind: z.enum(['township', 'county_department']),
    parentId: z.string().uuid(),
    numberPrefix: z.string().trim().min(2).max(20).optional(),
    code: z.string().trim().regex(/^[A-Z0-9]{2,10}$/).optional(),
  })
  .strict();
export type OrgCreate = z.infer<typeof orgCreateSchema>;
