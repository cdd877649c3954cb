/** The audit module's API contract: the trail's query, its page of rows, and the chain check. */
import { z } from 'zod';
import { pageOf, pageQuerySchema, safeString } from './common.ts';

export const auditQuerySchema = pageQuerySchema
  .extend({
    actor: safeString().trim().max(64).optional(),
    action: safeString().trim().max(64).optional(),
    entity: safeString().trim().max(64).optional(),
    entityId: safeString().trim().max(64).optional(),
    orgId: z.uuid().optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
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
export const auditPageOut = pageOf(auditItemOut);

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
