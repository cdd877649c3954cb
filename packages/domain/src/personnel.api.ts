/** The personnel API's response shapes (leaders in charge, staff, filings), shared by the server's routes and the web's types. */
import { z } from 'zod';
import { safeString } from './common.ts';
import { AGE_BANDS, EDUCATION_LEVELS, FILING_KINDS, FILING_STATES, GENDERS, POLITICAL_STATUSES, TENURE_BANDS } from './personnel.ts';
import { fileResponse } from './print.ts';

const list = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });
const counts = <K extends string>(keys: readonly [K, ...K[]]) => z.record(z.enum(keys), z.number().int());

export const leaderSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: safeString(),
  /** The leader's account, when the record is linked to one. */
  userId: z.uuid().nullable(),
  username: safeString().nullable(),
  name: safeString(),
  position: safeString(),
  since: safeString(),
  until: safeString().nullable(),
  familiar: z.boolean(),
  basis: safeString(),
  allowedActions: z.array(z.enum(['assign'])),
});
export const leaderListSchema = list(leaderSchema);
export const leaderCandidateListSchema = list(z.object({ id: z.uuid(), displayName: safeString(), username: safeString() }));
export const leaderCandidatesQuerySchema = z.object({ orgId: z.uuid() }).strict();

export const staffSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: safeString(),
  name: safeString(),
  /** Masked (110101********1234); the whole number only through the audited reveal. */
  idNumber: safeString().nullable(),
  gender: z.enum(GENDERS),
  birthDate: safeString(),
  ethnicity: safeString(),
  politicalStatus: z.enum(POLITICAL_STATUSES),
  education: z.enum(EDUCATION_LEVELS),
  major: safeString(),
  post: safeString(),
  officeRole: safeString(),
  phone: safeString(),
  startDate: safeString(),
  status: z.enum(['active', 'left']),
  leftOn: safeString().nullable(),
  designationReason: safeString().nullable(),
  allowedActions: z.array(z.enum(['revealIdNumber'])),
});
export const staffListSchema = list(staffSchema);

export const filingSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: safeString(),
  staffId: z.uuid().nullable(),
  staffName: safeString().nullable(),
  kind: z.enum(FILING_KINDS),
  changeDate: safeString(),
  filedAt: safeString(),
  /** What the filing names (a join: every particular; a change: only the changed ones), ID number masked. */
  particulars: z.record(safeString(), z.unknown()),
  toOrgId: z.uuid().nullable(),
  toOrgName: safeString().nullable(),
  reason: safeString().nullable(),
  state: z.enum(FILING_STATES),
  late: z.boolean(),
  deadlineDays: z.number().int(),
  decidedAt: safeString().nullable(),
  returnReason: safeString().nullable(),
  allowedActions: z.array(z.enum(['acknowledge', 'return', 'revealIdNumber'])),
});
export const filingListSchema = list(filingSchema);
export const staffHistorySchema = z.object({ person: staffSchema, filings: z.array(filingSchema) });

export const staffStructureSchema = z.object({
  total: z.number().int(),
  ageBands: counts(AGE_BANDS),
  education: counts(EDUCATION_LEVELS),
  tenure: counts(TENURE_BANDS),
});
export const filingSettingsSchema = z.object({ filingDeadlineDays: z.number().int() });
export const revealedIdNumberSchema = z.object({ idNumber: safeString() });
export const staffImportedSchema = z.object({ imported: z.number().int() });
export const staffSheetResponse = fileResponse('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

export type Leader = z.infer<typeof leaderSchema>;
export type LeaderCandidate = z.infer<typeof leaderCandidateListSchema>['items'][number];
export type Staff = z.infer<typeof staffSchema>;
export type Filing = z.infer<typeof filingSchema>;
export type StaffStructure = z.infer<typeof staffStructureSchema>;
