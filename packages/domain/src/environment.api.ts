/** The environment API's response shapes, shared by the server's routes and the web's types. */
import { z } from 'zod';
import { safeString } from './common.ts';

const list = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });
const edit = z.array(z.enum(['edit']));

export const roomSchema = z.object({
  id: safeString(),
  orgId: safeString(),
  orgName: safeString().optional(),
  kind: safeString(),
  status: safeString(),
  areaM2: z.number().nullable(),
  inUseSince: safeString().nullable(),
  note: safeString(),
  updatedAt: safeString().nullable(),
  allowedActions: edit.optional(),
});
export const roomListSchema = list(roomSchema);

export const equipmentSchema = z.object({
  orgId: safeString(),
  orgName: safeString().optional(),
  computers: z.number().int(),
  printers: z.number().int(),
  docSystemAccess: z.boolean(),
  note: safeString(),
  updatedAt: safeString().nullable(),
  allowedActions: edit.optional(),
});
export const equipmentListSchema = list(equipmentSchema);

export const expenseSchema = z.object({
  id: safeString(),
  orgId: safeString(),
  year: z.number().int(),
  category: safeString(),
  amountYuan: z.number(),
  note: safeString(),
});
export const expenseSummarySchema = z.object({
  year: z.number().int(),
  townships: z.array(
    z.object({ orgId: safeString(), orgName: safeString(), total: z.number(), byCategory: z.record(safeString(), z.number()) }),
  ),
  average: z.number().nullable(),
  previousAverage: z.number().nullable(),
  yearOnYear: z.number().nullable(),
});

export const ruleDocumentSchema = z.object({
  id: safeString(),
  orgId: safeString(),
  kind: safeString(),
  title: safeString(),
  body: safeString(),
  issuedOn: safeString(),
  state: safeString(),
  createdAt: safeString().nullable(),
  acknowledgedBy: z.array(z.object({ orgId: safeString(), at: safeString() })),
});
export const ruleDocumentListSchema = list(ruleDocumentSchema);
export const ruleDocumentCreatedSchema = z.object({ id: safeString(), title: safeString(), issuedOn: safeString() });
export const acknowledgementSchema = z.object({ documentId: safeString(), orgId: safeString(), acknowledgedAt: safeString().nullable() });

export const ruleSchema = z.object({
  id: safeString(),
  orgId: safeString(),
  orgName: safeString(),
  kind: safeString(),
  title: safeString(),
  body: safeString(),
  adoptedOn: safeString(),
  allowedActions: edit,
});
export const ruleListSchema = list(ruleSchema);
export const ruleAdoptedSchema = z.object({
  id: safeString(),
  orgId: safeString(),
  kind: safeString(),
  title: safeString(),
  adoptedOn: safeString(),
});

export const postSchema = z.object({
  id: safeString(),
  orgId: safeString(),
  orgName: safeString(),
  post: safeString(),
  staffId: safeString(),
  staffName: safeString(),
  since: safeString(),
  allowedActions: edit,
});
export const postListSchema = list(postSchema);
export const postAssignedSchema = z.object({
  id: safeString(),
  orgId: safeString(),
  post: safeString(),
  staffId: safeString(),
  since: safeString(),
});

export type Room = z.infer<typeof roomSchema>;
export type Equipment = z.infer<typeof equipmentSchema>;
export type ExpenseSummary = z.infer<typeof expenseSummarySchema>;
export type RuleDocument = z.infer<typeof ruleDocumentSchema>;
export type TownshipRule = z.infer<typeof ruleSchema>;
export type PostAssignment = z.infer<typeof postSchema>;
