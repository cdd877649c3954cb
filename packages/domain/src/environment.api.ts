/** The environment API's response shapes, shared by the server's routes and the web's types. */
import { z } from 'zod';

const list = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });
const edit = z.array(z.enum(['edit']));

export const roomSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string().optional(),
  kind: z.string(),
  status: z.string(),
  areaM2: z.number().nullable(),
  inUseSince: z.string().nullable(),
  note: z.string(),
  updatedAt: z.string().nullable(),
  allowedActions: edit.optional(),
});
export const roomListSchema = list(roomSchema);

export const equipmentSchema = z.object({
  orgId: z.string(),
  orgName: z.string().optional(),
  computers: z.number().int(),
  printers: z.number().int(),
  docSystemAccess: z.boolean(),
  note: z.string(),
  updatedAt: z.string().nullable(),
  allowedActions: edit.optional(),
});
export const equipmentListSchema = list(equipmentSchema);

export const expenseSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  year: z.number().int(),
  category: z.string(),
  amountYuan: z.number(),
  note: z.string(),
});
export const expenseSummarySchema = z.object({
  year: z.number().int(),
  townships: z.array(z.object({ orgId: z.string(), orgName: z.string(), total: z.number(), byCategory: z.record(z.string(), z.number()) })),
  average: z.number().nullable(),
  previousAverage: z.number().nullable(),
  yearOnYear: z.number().nullable(),
});

export const ruleDocumentSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  issuedOn: z.string(),
  state: z.string(),
  createdAt: z.string().nullable(),
  acknowledgedBy: z.array(z.object({ orgId: z.string(), at: z.string() })),
});
export const ruleDocumentListSchema = list(ruleDocumentSchema);
export const ruleDocumentCreatedSchema = z.object({ id: z.string(), title: z.string(), issuedOn: z.string() });
export const acknowledgementSchema = z.object({ documentId: z.string(), orgId: z.string(), acknowledgedAt: z.string().nullable() });

export const ruleSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  adoptedOn: z.string(),
  allowedActions: edit,
});
export const ruleListSchema = list(ruleSchema);
export const ruleAdoptedSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  kind: z.string(),
  title: z.string(),
  adoptedOn: z.string(),
});

export const postSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  post: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  since: z.string(),
  allowedActions: edit,
});
export const postListSchema = list(postSchema);
export const postAssignedSchema = z.object({ id: z.string(), orgId: z.string(), post: z.string(), staffId: z.string(), since: z.string() });

export type Room = z.infer<typeof roomSchema>;
export type Equipment = z.infer<typeof equipmentSchema>;
export type ExpenseSummary = z.infer<typeof expenseSummarySchema>;
export type RuleDocument = z.infer<typeof ruleDocumentSchema>;
export type TownshipRule = z.infer<typeof ruleSchema>;
export type PostAssignment = z.infer<typeof postSchema>;
