/** The training API's response shapes, shared by the server's routes and the web's types. */
import { z } from 'zod';
import { safeString } from './common.ts';

const list = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });

export const trainingSessionSchema = z.object({
  id: safeString(),
  orgId: safeString(),
  /** Who held it: the county office (for every township) or a township's own office. */
  orgName: safeString(),
  heldOn: safeString(),
  topic: safeString(),
  organiser: safeString(),
  materials: safeString(),
  state: safeString(),
  createdAt: safeString(),
  staffAttendees: z.number().int(),
  leaderAttendees: z.number().int(),
});
export const trainingSessionListSchema = list(trainingSessionSchema);
export const trainingSessionCreatedSchema = z.object({ id: safeString(), heldOn: safeString(), topic: safeString() });

const coveragePersonSchema = z.object({
  staffId: safeString(),
  name: safeString(),
  orgId: safeString(),
  orgName: safeString(),
  lastTrained: safeString().nullable(),
});
export const coverageSchema = z.object({
  window: z.object({ from: safeString(), to: safeString() }),
  total: z.number().int(),
  trained: z.number().int(),
  neverTrained: z.array(coveragePersonSchema),
  people: z.array(coveragePersonSchema),
});

export const rotationSchema = z.object({
  id: safeString(),
  orgId: safeString(),
  orgName: safeString().nullable(),
  staffId: safeString(),
  staffName: safeString().nullable(),
  year: z.number().int(),
  quarter: z.number().int(),
  periodStart: safeString(),
  periodEnd: safeString(),
  state: safeString(),
  topics: z.array(safeString()),
  evaluation: safeString().nullable(),
  rating: safeString().nullable(),
  allowedActions: z.array(z.enum(['complete'])),
});
export const rotationListSchema = list(rotationSchema);

export const proposalSchema = z.object({
  year: z.number().int(),
  quarter: z.number().int(),
  period: z.object({ start: safeString(), end: safeString() }),
  alreadyConfirmed: z.number().int(),
  candidates: z.array(
    z.object({
      staffId: safeString(),
      name: safeString(),
      orgId: safeString(),
      orgName: safeString(),
      startDate: safeString(),
      lastRotation: safeString().nullable(),
      townshipStaffCount: z.number().int(),
    }),
  ),
});

export type TrainingSession = z.infer<typeof trainingSessionSchema>;
export type Coverage = z.infer<typeof coverageSchema>;
export type Rotation = z.infer<typeof rotationSchema>;
export type Proposal = z.infer<typeof proposalSchema>;
