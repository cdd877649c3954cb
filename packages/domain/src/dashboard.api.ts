/** The dashboard's chart and township-standing responses, shared by the server's routes and the web's types. */
import { z } from 'zod';
import { safeString } from './common.ts';
import { CELL_STATUSES, STANDARD_COLUMNS, countyDashboardSchema, townshipRowSchema } from './dashboard.ts';

export const gapSchema = z.object({
  column: z.enum(STANDARD_COLUMNS),
  label: safeString(),
  status: z.enum(CELL_STATUSES),
  value: safeString(),
  advice: safeString(),
  adviceEn: safeString(),
  drill: safeString(),
});

export const standingSchema = z.object({
  year: z.number().int(),
  township: z.object({ id: z.uuid(), code: safeString(), name: safeString() }),
  row: townshipRowSchema,
  gaps: z.array(gapSchema),
  columns: countyDashboardSchema.shape.columns,
});

export const chartsSchema = z.object({
  year: z.number().int(),
  onlineShareByMonth: z.array(z.object({ month: z.number().int(), share: z.number().nullable() })).nullable(),
  staffStructure: z.array(z.object({ band: safeString(), education: safeString(), n: z.number().int() })),
  expensesByTownship: z.array(z.object({ orgId: z.uuid(), name: safeString(), byCategory: z.record(safeString(), z.number()) })),
  overdueByTownship: z.array(z.object({ orgId: z.uuid(), name: safeString(), overdue: z.number().int().nullable() })),
});

export type Gap = z.infer<typeof gapSchema>;
export type Standing = z.infer<typeof standingSchema>;
export type Charts = z.infer<typeof chartsSchema>;
