/** The audit module's API contract: the trail's query, its page of rows, and the chain check. */
import { z } from 'zod';
import { pageOf, pageQuerySchema, safeString, sortQuery } from './common.ts';

/** The trail's orders: newest row first (the usual), or oldest first. */
export const AUDIT_SORTS = ['newest', 'oldest'] as const;
export type AuditSort = (typeof AUDIT_SORTS)[number];

export const auditQuerySchema = pageQuerySchema
  .extend({
    actor: safeString().trim().max(64).optional(),
    action: safeString().trim().max(64).optional(),
    entity: safeString().trim().max(64).optional(),
    entityId: safeString().trim().max(64).optional(),
    orgId: z.uuid().optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    sort: sortQuery(AUDIT_SORTS, 'newest'),
  })
  .strict();

export const auditItemOut = z.object({
  id: z.number(),
  at: safeString(),
  actorUsername: safeString().nullable(),
  actorRole: safeString().nullable(),
  orgId: safeString().nullable(),
  ip: safeString().nullable(),
  action: safeString(),
  entity: safeString(),
  entityId: safeString().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: safeString(),
});
/**
 * `total` is exact up to a thousand rows; beyond, the audit log being the biggest table, it is the
 * planner's estimate and `totalExact` is false (the 收文 lists' rule, incoming.pages.ts).
 */
export const auditPageOut = pageOf(auditItemOut).extend({ totalExact: z.boolean() });

export const auditVerifyOut = z.object({
  ok: z.boolean(),
  rowsChecked: z.number().int(),
  chains: z.number().int(),
  checkpointsChecked: z.number().int(),
  unsignedRows: z.number().int(),
  signatures: z.enum(['checked', 'not checked: no key store']),
  firstBroken: z.object({ id: z.number(), chain: safeString(), seq: z.number(), reason: safeString() }).optional(),
});

export type AuditItem = z.infer<typeof auditItemOut>;
export type AuditPage = z.infer<typeof auditPageOut>;
export type AuditVerifyResult = z.infer<typeof auditVerifyOut>;
