/**
 * The county dashboard: every township against every standard. The statuses are pure functions of
 * measured figures, so the web, the PDF and the tests agree on what green means.
 */
import { z } from 'zod';
import { safeString } from './common.ts';
import { STAFF_MAX, STAFF_MIN } from './personnel.ts';
import { RULE_KINDS } from './environment.ts';

export const CELL_STATUSES = ['ok', 'warn', 'gap', 'nodata'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export const STANDARD_COLUMNS = [
  'leader',
  'staff',
  'filings',
  'training',
  'rotation',
  'posts',
  'rooms',
  'equipment',
  'rules',
  'onlineShare',
  'dutyLogs',
  'overdue',
] as const;
export type StandardColumn = (typeof STANDARD_COLUMNS)[number];

export const COLUMN_LABELS: Record<StandardColumn, { zh: string; en: string }> = {
  leader: { zh: '分管领导', en: 'Leader in charge' },
  staff: { zh: '专职人员2–3名', en: 'Staff 2–3' },
  filings: { zh: '按时备案', en: 'Filings on time' },
  training: { zh: '培训覆盖', en: 'Training coverage' },
  rotation: { zh: '跟班学习', en: 'Rotation' },
  posts: { zh: '岗位到人', en: 'Posts' },
  rooms: { zh: '三室', en: 'Three rooms' },
  equipment: { zh: '设备', en: 'Equipment' },
  rules: { zh: '制度', en: 'Rules' },
  onlineShare: { zh: '网上传输率', en: 'Online share' },
  dutyLogs: { zh: '值班日志', en: 'Duty logs kept' },
  overdue: { zh: '逾期事项', en: 'Overdue items' },
};

/** What a township does to close each gap (shown on its own page and in the grid's tooltip). */
export const GAP_ADVICE: Record<StandardColumn, { zh: string; en: string }> = {
  leader: {
    zh: '请乡镇党委明确一名熟悉办公室业务的班子成员分管办公室，并在“分管领导”中登记及写明依据。',
    en: 'Have the township committee name a leadership member who knows office work, and record them with the basis.',
  },
  staff: {
    zh: `请明确 ${STAFF_MIN}–${STAFF_MAX} 名办公室专职人员，并通过“人员备案”报县委办。`,
    en: `Name ${STAFF_MIN}–${STAFF_MAX} dedicated office staff and file them with the county office.`,
  },
  filings: {
    zh: '人员变动须在变动后规定天数内报备；请尽快补报，待确认的备案请联系县委办。',
    en: 'File staff changes within the deadline; file what is missing and follow up pending filings with the county office.',
  },
  training: {
    zh: '尚有人员近三年未参加业务培训，请安排其参加下一期业务知识培训班。',
    en: 'Some staff had no training in three years; send them to the next training session.',
  },
  rotation: {
    zh: '近三年本乡镇无人到县委办跟班学习，可向县委办申请列入下季度人选。',
    en: 'Nobody from this township rotated in three years; ask to be in next quarter’s rotation.',
  },
  posts: {
    zh: '请将文秘写作、值班接待、档案管理岗位逐一明确到已备案的工作人员。',
    en: 'Assign each post (writing, duty reception, archives) to a filed staff member.',
  },
  rooms: {
    zh: '请按规定建设或改造办公室、接待室、档案室，并登记状态和面积。',
    en: 'Build or renovate the office, reception and archive rooms and record their status and area.',
  },
  equipment: {
    zh: '须配备 1 台以上办公电脑、打印设备，并开通电子公文传输系统。',
    en: 'Provide at least one office computer, a printer and access to the electronic document system.',
  },
  rules: {
    zh: '请签收“十条禁令”，并制定上班、值班、来信来访接待、学习、保密、信息报送六项制度。',
    en: 'Acknowledge the ten prohibitions and adopt all six internal rules.',
  },
  onlineShare: {
    zh: '除涉密材料外，上报材料一律通过电子公文系统传输，请减少纸质报送。',
    en: 'Send everything except classified material through the electronic system.',
  },
  dutyLogs: { zh: '请每日填写值班日志并完成交接班。', en: 'Keep the duty log every day and record each handover.' },
  overdue: { zh: '有逾期未办结的督办事项或信访件，请尽快办结并反馈。', en: 'Close the overdue follow-ups and petitions and report back.' },
};

export const ONLINE_SHARE_TARGET = 0.9;

export function leaderStatus(assigned: boolean, familiar: boolean): CellStatus {
  return !assigned ? 'gap' : familiar ? 'ok' : 'warn';
}
export function staffStatus(count: number): CellStatus {
  return count >= STAFF_MIN && count <= STAFF_MAX ? 'ok' : 'gap';
}
export function filingsStatus(late: number, overduePending: number): CellStatus {
  if (late === 0 && overduePending === 0) return 'ok';
  return late + overduePending >= 2 ? 'gap' : 'warn';
}
export function coverageStatus(trained: number, total: number): CellStatus {
  if (total === 0) return 'gap';
  return trained >= total ? 'ok' : trained / total >= 0.8 ? 'warn' : 'gap';
}
export function rotationStatus(inWindow: number): CellStatus {
  return inWindow > 0 ? 'ok' : 'warn';
}
export function countOfStatus(have: number, need: number): CellStatus {
  return have >= need ? 'ok' : 'gap';
}
export function rulesStatus(sixAdopted: number, tenAcknowledged: boolean): CellStatus {
  return sixAdopted >= RULE_KINDS.length && tenAcknowledged ? 'ok' : 'gap';
}
export function shareStatus(share: number | null, target = ONLINE_SHARE_TARGET): CellStatus {
  if (share === null) return 'nodata';
  return share >= target ? 'ok' : share >= target - 0.2 ? 'warn' : 'gap';
}
export function dutyStatus(kept: number | null, expected: number | null): CellStatus {
  if (kept === null || expected === null || expected === 0) return 'nodata';
  const r = kept / expected;
  return r >= 0.95 ? 'ok' : r >= 0.8 ? 'warn' : 'gap';
}
export function overdueStatus(n: number | null): CellStatus {
  if (n === null) return 'nodata';
  return n === 0 ? 'ok' : n <= 2 ? 'warn' : 'gap';
}

/**
 * One township × standard. No drill-down address per cell (2,000 × 12 of them were half the
 * grid's bytes): the page behind a cell is `cellDrill(orgId, column, year)`, built where it is shown.
 */
export const cellSchema = z.object({
  status: z.enum(CELL_STATUSES),
  /** Short display text, e.g. "3/3", "96%", "暂无数据". */
  value: safeString(),
});
export type Cell = z.infer<typeof cellSchema>;

/** The web page listing the records behind a township's cell (its standing page on that column's tab). */
export const cellDrill = (orgId: string, column: StandardColumn, year: number) =>
  `/supervision/townships/${orgId}?tab=${column}&year=${year}`;

export const townshipRowSchema = z.object({
  orgId: z.uuid(),
  code: safeString(),
  name: safeString(),
  cells: z.record(z.enum(STANDARD_COLUMNS), cellSchema),
  gaps: z.number().int(),
});
export type TownshipRow = z.infer<typeof townshipRowSchema>;

export const countyDashboardQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();

/** The county grid and charts: a province role names one of its counties; a county office reads its own (countyId optional). */
export const countyGridQuerySchema = countyDashboardQuerySchema.extend({ countyId: z.uuid().optional() }).strict();

export const countyDashboardSchema = z.object({
  year: z.number().int(),
  townships: z.number().int(),
  leadersInCharge: z.object({ assigned: z.number().int(), familiar: z.number().int() }),
  filedStaff: z.number().int(),
  staffPerTownship: z.object({ min: z.number().int(), max: z.number().int(), within: z.number().int() }),
  trainingSessions: z.number().int(),
  trainedAtLeastOnce: z.object({ trained: z.number().int(), total: z.number().int() }),
  leadersTrained: z.object({ trained: z.number().int(), total: z.number().int() }),
  rotationsByQuarter: z.array(z.number().int()).length(4),
  exchangeMeetings: z.number().int().nullable(),
  threeRoomsComplete: z.number().int(),
  equipmentComplete: z.number().int(),
  onlineShare: z.number().min(0).max(1).nullable(),
  avgOfficeExpenseYuan: z.number().nullable(),
  avgOfficeExpenseYuanPreviousYear: z.number().nullable(),
  expenseYearOnYear: z.number().nullable(),
  townshipsWithAllSixRules: z.number().int(),
  tenProhibitionsAcknowledged: z.number().int(),
  postsAssigned: z.number().int(),
  lateFilings: z.number().int(),
  /** Which other modules' metrics were available ("no data yet" for the rest). */
  sources: z.record(safeString(), z.boolean()),
  /** `api`: the list behind a column's cells, with `{orgId}` to fill in (null: another module's page). */
  columns: z.array(z.object({ key: z.enum(STANDARD_COLUMNS), zh: safeString(), en: safeString(), api: safeString().nullable() })),
  rows: z.array(townshipRowSchema),
});
export type CountyDashboard = z.infer<typeof countyDashboardSchema>;

/** The county grid as served: the grid and the county it is of (the province's drill-down shows its name). */
export const countyGridSchema = countyDashboardSchema.extend({ county: z.object({ id: z.uuid(), name: safeString() }) });
export type CountyGrid = z.infer<typeof countyGridSchema>;

/** The province overview (issue 14): one line per county, each its county grid's totals. */
export const provinceDashboardSchema = z.object({
  year: z.number().int(),
  province: z.object({ id: z.uuid(), name: safeString() }),
  /** How many townships' figures were measured for this answer (stale or missing summary rows); 0 when all were kept. */
  measuredNow: z.number().int(),
  counties: z.array(
    z.object({
      id: z.uuid(),
      code: safeString(),
      name: safeString(),
      townships: z.number().int(),
      /** Townships with no gap in any standard. */
      allMet: z.number().int(),
      /** Gaps and warnings over all its townships' cells. */
      gaps: z.number().int(),
      /** Per standard, how many of its townships meet it. */
      standards: z.record(z.enum(STANDARD_COLUMNS), z.number().int()),
    }),
  ),
  columns: z.array(z.object({ key: z.enum(STANDARD_COLUMNS), zh: safeString(), en: safeString() })),
});
export type ProvinceDashboard = z.infer<typeof provinceDashboardSchema>;

export const NO_DATA_LABEL = { zh: '暂无数据', en: 'No data yet' };
