/** Contracts of the workbench (工作台): GET /api/workbench, its 已办 list and the batch actions. */
import { z } from 'zod';
import { safeString } from './common.ts';
import { BATCH_KINDS, TODO_GROUPS, TODO_KINDS, TODO_MODULES } from './workbench.ts';

export const todoItemSchema = z.object({
  kind: z.enum(TODO_KINDS),
  module: z.enum(TODO_MODULES),
  /** What: the record's title as its register shows it. */
  title: safeString(),
  /** For or from whom: the sending org, the petitioner's case number, the township, … */
  subject: safeString().nullable(),
  recordId: z.uuid(),
  /** The web path of the page where the action is done. */
  href: safeString(),
  /** ISO instant, or null when the step has no deadline. */
  dueAt: safeString().nullable(),
  overdue: z.boolean(),
  group: z.enum(TODO_GROUPS),
  /** 委托: the leader on whose behalf the signed-in user takes this step; null in one's own right. */
  onBehalfOf: safeString().nullable(),
});
export type TodoItem = z.infer<typeof todoItemSchema>;

export const workbenchSchema = z.object({ items: z.array(todoItemSchema) });
export type Workbench = z.infer<typeof workbenchSchema>;

export const doneItemSchema = z.object({
  id: z.number().int(),
  /** The audit action, e.g. `delivery.acknowledge`; the web labels it `workbench.done.<action>` when it knows it. */
  action: safeString(),
  entity: safeString(),
  recordId: safeString().nullable(),
  title: safeString().nullable(),
  href: safeString().nullable(),
  at: safeString(),
});
export type DoneItem = z.infer<typeof doneItemSchema>;
export const doneListSchema = z.object({ items: z.array(doneItemSchema) });

export const BATCH_MAX = 100;
export const batchAcknowledgeSchema = z.object({ deliveryIds: z.array(z.uuid()).min(1).max(BATCH_MAX) }).strict();
export const batchReadSchema = z.object({ incomingIds: z.array(z.uuid()).min(1).max(BATCH_MAX) }).strict();

export const batchResultSchema = z.object({
  kind: z.enum(BATCH_KINDS),
  results: z.array(
    z.object({
      id: z.uuid(),
      ok: z.boolean(),
      /** The catalogued refusal of this one record (already acknowledged, another org's, …); the others still went through. */
      error: z.object({ code: safeString(), message: safeString() }).nullable(),
    }),
  ),
});
export type BatchResult = z.infer<typeof batchResultSchema>;
