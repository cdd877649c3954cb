/**
 * The annual assessment (考评细则): a scheme is a tree of weighted indicators; measured ones are
 * scored from a metric by a rule, the others by the county. Everything here is pure, so the server,
 * the web's scheme editor and the tests share one definition of "valid" and one arithmetic.
 */
import { z } from 'zod';
import { safeString } from './common.ts';

export const SCHEME_STATUSES = ['draft', 'consultation', 'published', 'self_assessment', 'scoring', 'notice', 'final'] as const;
export type SchemeStatus = (typeof SCHEME_STATUSES)[number];

export const TARGET_KINDS = ['township', 'county_department'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const INDICATOR_METHODS = ['measured', 'manual', 'self', 'deduction', 'bonus'] as const;
export type IndicatorMethod = (typeof INDICATOR_METHODS)[number];

export const GRADES = ['优秀', '良好', '合格', '不合格'] as const;
export type Grade = (typeof GRADES)[number];

/** Metric kinds: a ratio in [0, 1] (a share of records), or a count of events. */
export type MetricKind = 'ratio' | 'count';

/** The metric library's catalogue: key, what it is called and how it is computed, in words. */
export const METRICS = {
  receipt_timeliness: {
    kind: 'ratio',
    label: '签收及时率',
    formula: '24小时内签收的来文份数 ÷ 收到的来文份数（按送达时间计入年度，撤回的不计）',
  },
  closed_on_time: {
    kind: 'ratio',
    label: '办结及时率',
    formula: '在办理期限内办结的收文件数 ÷ 办理期限在本年度的收文件数',
  },
  online_share: {
    kind: 'ratio',
    label: '网上传输率',
    formula: '网上分发的文件份数 ÷ 分发的文件总份数（每份为一件文件发往一个收文单位，按分发日期计入年度）',
  },
  info_points: {
    kind: 'count',
    label: '信息报送得分',
    formula: '年度信息采用得分与报送基础分之和（同信息排名）',
  },
  info_adoption_rate: {
    kind: 'ratio',
    label: '信息采用率',
    formula: '被采用的信息条数 ÷ 报送的信息条数（撤回的不计）',
  },
  duty_log_completeness: {
    kind: 'ratio',
    label: '值班日志完整率',
    formula: '有值班日志记录的天数 ÷ 应记录天数（年度内截至昨日的每一天）',
  },
  archived_share: {
    kind: 'ratio',
    label: '归档率',
    formula: '按期（次年6月30日前）归档的办结文件数 ÷ 办结文件数',
  },
  exchange_meeting_attended: {
    kind: 'count',
    label: '参加业务交流会',
    formula: '年度内参加县委办业务交流会的次数',
  },
  overdue_follow_ups: {
    kind: 'count',
    label: '督办事项逾期',
    formula: '现仍未办结、且办理期限早于截止日（年度最后一天或今日，取较早者）的督办事项数',
  },
  overdue_petitions: {
    kind: 'count',
    label: '信访事项逾期',
    formula: '现仍未完成、且当前期限（受理、办理、复查答复）早于截止日的信访事项数',
  },
  petitions_on_time: {
    kind: 'ratio',
    label: '信访按期办结率',
    formula:
      '在办理期限（受理之日起60日，经批准延期的加延期天数）内办结的信访事项数 ÷ 本年度办结的与办理期限已在本年度届满仍未办结的受理事项数',
  },
  follow_ups_on_time: {
    kind: 'ratio',
    label: '督办按期办结率',
    formula: '在办理期限内办结的督办事项数 ÷ 本年度办结的与办理期限已在本年度届满仍未办结的督办事项数',
  },
  staff_filings_on_time: {
    kind: 'ratio',
    label: '人员变动备案及时率',
    formula: '本年度按时报备的人员变动备案数 ÷ 本年度报备的人员变动备案数',
  },
  training_coverage: {
    kind: 'ratio',
    label: '业务培训覆盖率',
    formula: '本年度参加过至少一次已举办培训的在岗办公室人员数 ÷ 在岗办公室人员数',
  },
  rotations_taken: {
    kind: 'count',
    label: '轮岗交流人次',
    formula: '本年度安排且未取消的轮岗交流人次',
  },
  rooms_in_use: {
    kind: 'ratio',
    label: '三室建设',
    formula: '已建成或改造投用的办公室、接待室、档案室间数 ÷ 3',
  },
  rules_in_force: {
    kind: 'ratio',
    label: '六项制度',
    formula: '现行有效的制度种类数（考勤、值班、信访接待、学习、保密、信息报送）÷ 6',
  },
  posts_assigned: {
    kind: 'ratio',
    label: '岗位到人',
    formula: '由本单位在岗人员担任的岗位数（文秘写作、值班接待、档案管理）÷ 3',
  },
} as const satisfies Record<string, { kind: MetricKind; label: string; formula: string }>;
export type MetricKey = keyof typeof METRICS;
export const METRIC_KEYS = Object.keys(METRICS) as MetricKey[];
export function isMetricKey(key: string): key is MetricKey {
  return Object.prototype.hasOwnProperty.call(METRICS, key);
}

/**
 * How a measured value becomes points:
 * - `target`: full points at or above the target, none below (full-at-target);
 * - `linear`: none at or below the floor, full at or above the target, linear between;
 * - `per_event`: `points` per event, at most `cap` (and never more than the indicator's points).
 * Deduction and bonus items use `per_event`; their sign comes from the method.
 */
export const scoringRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('target'), target: z.number().finite() }).strict(),
  z.object({ kind: z.literal('linear'), floor: z.number().finite(), target: z.number().finite() }).strict(),
  z
    .object({ kind: z.literal('per_event'), points: z.number().finite().min(0).max(100), cap: z.number().finite().min(0).max(100) })
    .strict(),
]);
export type ScoringRule = z.infer<typeof scoringRuleSchema>;

/** The rule a measured indicator uses when the scheme names none: a share scores linearly 0–100%, a count 1 point each. */
export function defaultRule(kind: MetricKind, points: number): ScoringRule {
  return kind === 'ratio' ? { kind: 'linear', floor: 0, target: 1 } : { kind: 'per_event', points: 1, cap: points };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function scoreFullAtTarget(value: number, target: number, points: number): number {
  return value >= target ? points : 0;
}

export function scoreLinear(value: number, floor: number, target: number, points: number): number {
  if (value >= target) return points;
  if (value <= floor || target <= floor) return 0;
  return round2((points * (value - floor)) / (target - floor));
}

export function scorePerEvent(events: number, perEvent: number, cap: number, points: number): number {
  return round2(Math.min(Math.max(0, events) * perEvent, cap, points));
}

/** Points for a measured value under a rule; for a deduction the result is negative. */
export function applyRule(rule: ScoringRule, value: number, points: number, method: IndicatorMethod): number {
  let s: number;
  if (rule.kind === 'target') s = scoreFullAtTarget(value, rule.target, points);
  else if (rule.kind === 'linear') s = scoreLinear(value, rule.floor, rule.target, points);
  else s = scorePerEvent(value, rule.points, rule.cap, points);
  return method === 'deduction' ? -s : s;
}

const codeSchema = safeString().regex(
  /^[A-Za-z0-9._-]{1,20}$/,
  '指标编号为1–20位字母、数字、点、横线 / code: 1–20 letters, digits, dots, dashes',
);

export const indicatorSchema = z
  .object({
    code: codeSchema,
    parentCode: codeSchema.nullable(),
    name: safeString().trim().min(1).max(200),
    // Range and sign are checked by validateIndicators, so a negative weight gets its own message.
    weight: z.number().finite().max(100),
    method: z.enum(INDICATOR_METHODS),
    metric: safeString().max(60).nullable(),
    description: safeString().max(2000).optional(),
    rule: scoringRuleSchema.nullable().optional(),
  })
  .strict();
export type Indicator = z.infer<typeof indicatorSchema>;

export type IndicatorProblem =
  | { key: 'DUPLICATE_CODE'; code: string }
  | { key: 'NEGATIVE_WEIGHT'; code: string }
  | { key: 'UNKNOWN_PARENT'; code: string; parentCode: string }
  | { key: 'PARENT_CYCLE'; code: string }
  | { key: 'UNKNOWN_METRIC'; code: string; metric: string }
  | { key: 'MEASURED_NEEDS_METRIC'; code: string }
  | { key: 'RULE_NEEDS_PER_EVENT'; code: string };

/** Structural problems that no draft may have; the first one found, or null. */
export function indicatorProblem(items: readonly Indicator[]): IndicatorProblem | null {
  const byCode = new Map<string, Indicator>();
  for (const i of items) {
    if (byCode.has(i.code)) return { key: 'DUPLICATE_CODE', code: i.code };
    byCode.set(i.code, i);
  }
  for (const i of items) {
    if (i.weight < 0) return { key: 'NEGATIVE_WEIGHT', code: i.code };
    if (i.parentCode !== null && !byCode.has(i.parentCode)) return { key: 'UNKNOWN_PARENT', code: i.code, parentCode: i.parentCode };
    if (i.metric !== null && !isMetricKey(i.metric)) return { key: 'UNKNOWN_METRIC', code: i.code, metric: i.metric };
    if (i.method === 'measured' && i.metric === null) return { key: 'MEASURED_NEEDS_METRIC', code: i.code };
    if ((i.method === 'deduction' || i.method === 'bonus') && i.metric !== null && i.rule && i.rule.kind !== 'per_event')
      return { key: 'RULE_NEEDS_PER_EVENT', code: i.code };
  }
  for (const i of items) {
    const seen = new Set<string>([i.code]);
    let p = i.parentCode;
    while (p !== null) {
      if (seen.has(p)) return { key: 'PARENT_CYCLE', code: i.code };
      seen.add(p);
      p = byCode.get(p)?.parentCode ?? null;
    }
  }
  return null;
}

/** Deductions and bonuses sit outside the 100 points. */
export const countsTowardWeight = (i: Pick<Indicator, 'method'>) => i.method !== 'deduction' && i.method !== 'bonus';

export function topLevelWeightSum(items: readonly Indicator[]): number {
  return round2(items.filter((i) => i.parentCode === null && countsTowardWeight(i)).reduce((s, i) => s + i.weight, 0));
}

export type PublishProblem = { key: 'WEIGHTS_NOT_100'; sum: number } | { key: 'CHILD_WEIGHTS'; code: string; sum: number; weight: number };

/** Why a scheme cannot be published (top-level weights ≠ 100, children not adding up to their parent), or null. */
export function publishProblem(items: readonly Indicator[]): PublishProblem | null {
  const sum = topLevelWeightSum(items);
  if (sum !== 100) return { key: 'WEIGHTS_NOT_100', sum };
  for (const p of items) {
    const kids = items.filter((c) => c.parentCode === p.code && countsTowardWeight(c));
    if (!kids.length) continue;
    const s = round2(kids.reduce((n, c) => n + c.weight, 0));
    if (s !== p.weight) return { key: 'CHILD_WEIGHTS', code: p.code, sum: s, weight: p.weight };
  }
  return null;
}

export function isLeaf(items: readonly Indicator[], code: string): boolean {
  return !items.some((i) => i.parentCode === code);
}

/** Leaves are what gets scored; a parent's score is the sum of its children's. */
export function scoredIndicators(items: readonly Indicator[]): Indicator[] {
  return items.filter((i) => isLeaf(items, i.code));
}

/** Whether a score fits the indicator: 0…points, or −points…0 for a deduction. */
export function scoreFits(i: Pick<Indicator, 'method' | 'weight'>, score: number): boolean {
  if (!Number.isFinite(score)) return false;
  return i.method === 'deduction' ? score <= 0 && score >= -i.weight : score >= 0 && score <= i.weight;
}

/**
 * Every indicator's score from the leaves' scores (missing leaves count 0 and are listed as
 * pending), and the total: the weighted tree plus bonuses minus deductions, never below 0.
 */
export function rollUp(items: readonly Indicator[], leafScores: ReadonlyMap<string, number>) {
  const scores = new Map<string, number>();
  const pending: string[] = [];
  const visit = (code: string): number => {
    const kids = items.filter((c) => c.parentCode === code);
    const self = items.find((i) => i.code === code)!;
    let s: number;
    if (!kids.length) {
      const v = leafScores.get(code);
      if (v === undefined) pending.push(code);
      s = v ?? 0;
    } else {
      const raw = kids.reduce((n, k) => n + visit(k.code), 0);
      s = countsTowardWeight(self) ? Math.min(Math.max(raw, 0), self.weight) : raw;
    }
    s = round2(s);
    scores.set(code, s);
    return s;
  };
  let total = 0;
  for (const top of items.filter((i) => i.parentCode === null)) total += visit(top.code);
  return { scores, total: round2(Math.max(0, total)), pending };
}

/** Competition ranking (1, 2, 2, 4) by total, highest first. */
export function rankTotals(totals: readonly { id: string; total: number }[]): Map<string, number> {
  const sorted = [...totals].sort((a, b) => b.total - a.total);
  const out = new Map<string, number>();
  sorted.forEach((t, i) => out.set(t.id, i > 0 && t.total === sorted[i - 1]!.total ? out.get(sorted[i - 1]!.id)! : i + 1));
  return out;
}

export const gradeConfigSchema = z
  .object({
    excellentMin: z.number().min(0).max(200).default(90),
    goodMin: z.number().min(0).max(200).default(80),
    passMin: z.number().min(0).max(200).default(60),
    /** At most this share of the offices may be 优秀; those over the cap by rank fall to 良好. */
    excellentShare: z.number().min(0).max(1).default(0.3),
  })
  .strict();
export type GradeConfig = z.infer<typeof gradeConfigSchema>;
export const DEFAULT_GRADES: GradeConfig = { excellentMin: 90, goodMin: 80, passMin: 60, excellentShare: 0.3 };

/**
 * Grades from totals and ranks. 优秀 needs the score and a place within the cap (floor of share ×
 * offices); offices tied at the cap's boundary are all kept out rather than exceeding it.
 */
export function assignGrades(rows: readonly { id: string; total: number; rank: number }[], cfg: GradeConfig = DEFAULT_GRADES) {
  const cap = excellentCap(rows.length, cfg.excellentShare);
  const out = new Map<string, Grade>();
  const excellent = new Set(
    rows.filter((r) => r.total >= cfg.excellentMin && rows.filter((o) => o.rank <= r.rank).length <= cap).map((r) => r.id),
  );
  for (const r of rows) {
    if (excellent.has(r.id)) out.set(r.id, '优秀');
    else if (r.total >= cfg.goodMin) out.set(r.id, '良好');
    else if (r.total >= cfg.passMin) out.set(r.id, '合格');
    else out.set(r.id, '不合格');
  }
  return out;
}

/** Thresholds out of order (优秀 ≥ 良好 ≥ 合格), or null. */
export function gradeProblem(cfg: GradeConfig): { excellentMin: number; goodMin: number; passMin: number } | null {
  return cfg.excellentMin >= cfg.goodMin && cfg.goodMin >= cfg.passMin
    ? null
    : { excellentMin: cfg.excellentMin, goodMin: cfg.goodMin, passMin: cfg.passMin };
}

/** At most how many offices may be 优秀 among `offices` under the cap (the floor of share × offices). */
export function excellentCap(offices: number, share: number): number {
  return Math.floor(share * offices + 1e-9);
}

/** The mean score of each code over the offices (two decimals); a code no office has is left out. */
export function averageScores(rows: readonly { scores: readonly { code: string; score: number }[] }[], codes: readonly string[]) {
  return codes.flatMap((code) => {
    const v = rows.flatMap((r) => r.scores.filter((x) => x.code === code).map((x) => x.score));
    return v.length ? [{ code, average: round2(v.reduce((a, b) => a + b, 0) / v.length) }] : [];
  });
}

/** Statuses in which a published scheme may still be revised (a new version with a reason): before scoring starts. */
export const REVISABLE_STATUSES: readonly SchemeStatus[] = ['published', 'self_assessment'];

/** The year's steps, one endpoint each. */
export const SCHEME_TRANSITIONS = {
  openConsultation: { from: ['draft'], to: 'consultation' },
  publish: { from: ['draft', 'consultation'], to: 'published' },
  openSelfAssessment: { from: ['published'], to: 'self_assessment' },
  startScoring: { from: ['self_assessment'], to: 'scoring' },
  openNotice: { from: ['scoring'], to: 'notice' },
  finalise: { from: ['notice'], to: 'final' },
} as const satisfies Record<string, { from: readonly SchemeStatus[]; to: SchemeStatus }>;
export type SchemeTransition = keyof typeof SCHEME_TRANSITIONS;

export function canTransition(status: SchemeStatus, t: SchemeTransition): boolean {
  return (SCHEME_TRANSITIONS[t].from as readonly SchemeStatus[]).includes(status);
}

/** Statuses in which the county may enter scores (appeal answers in the notice change them too). */
export const SCORING_STATUSES: readonly SchemeStatus[] = ['published', 'self_assessment', 'scoring'];
