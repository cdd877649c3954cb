/** The training API's response shapes, shared by the server's routes and the web's types. */
import { z } from 'zod';

const list = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });

export const trainingSessionSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  heldOn: z.string(),
  topic: z.string(),
  organiser: z.string(),
  materials: z.string(),
  state: z.string(),
  createdAt: z.string(),
  staffAttendees: z.number().int(),
  leaderAttendees: z.number().int(),
});
export const trainingSessionListSchema = list(trainingSessionSchema);
export const trainingSessionCreatedSchema = z.object({ id: z.string(), heldOn: z.string(), topic: z.string() });

const coveragePersonSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  lastTrained: z.string().nullable(),
});
export const coverageSchema = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  total: z.number().int(),
  trained: z.number().int(),
  neverTrained: z.array(coveragePersonSchema),
  people: z.array(coveragePersonSchema),
});

export const rotationSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string().nullable(),
  staffId: z.string(),
  staffName: z.string().nullable(),
  year: z.number().int(),
  quarter: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
  state: z.string(),
  topics: z.array(z.string()),
  evaluation: z.string().nullable(),
  rating: z.string().nullable(),
  allowedActions: z.array(z.enum(['complete'])),
});
export const rotationListSchema = list(rotationSchema);

export const proposalSchema = z.object({
  year: z.number().int(),
  quarter: z.number().int(),
  period: z.object({ start: z.string(), end: z.string() }),
  alreadyConfirmed: z.number().int(),
  candidates: z.array(
    z.object({
      staffId: z.string(),
      name: z.string(),
      orgId: z.string(),
      orgName: z.string(),
      startDate: z.string(),
      lastRotation: z.string().nullable(),
      townshipStaffCount: z.number().int(),
    }),
  ),
});

export type TrainingSession = z.infer<typeof trainingSessionSchema>;
export type Coverage = z.infer<typeof coverageSchema>;
export type Rotation = z.infer<typeof rotationSchema>;
export type Proposal = z.infer<typeof proposalSchema>;
