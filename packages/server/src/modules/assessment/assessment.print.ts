/** The results as a register (A4 landscape PDF, one Excel sheet): rank, office, total, grade, one column per top-level indicator. */
import type { RegisterSpec } from '@township-office/domain/print';
import type { OfficeResult } from './assessment.scoring.ts';
import type { SchemeRow } from './assessment.tables.ts';

export function resultsSpec(s: SchemeRow, items: readonly OfficeResult[], countyName: string): RegisterSpec {
  const top = s.indicators.filter((i) => i.parentCode === null);
  const final = s.status === 'final';
  return {
    title: `${s.title}${final ? '考评结果' : '当前得分'}`,
    orgName: countyName,
    filterSummary: final ? `${s.year}年度 · 结果确定` : `${s.year}年度 · 测算项为实时得分，人工评分项未评的记0分`,
    columns: [
      { key: 'rank', header: '名次', width: 5, align: 'center' },
      { key: 'orgName', header: '单位', width: 14 },
      { key: 'total', header: '总分', width: 7, align: 'right' },
      { key: 'grade', header: '等次', width: 6, align: 'center' },
      ...top.map((i) => ({ key: `c_${i.code}`, header: `${i.name}（${i.weight}）`, width: 8, align: 'right' as const })),
    ],
    rows: items.map((r) => ({
      rank: r.rank,
      orgName: r.orgName,
      total: r.total,
      grade: r.grade ?? '',
      ...Object.fromEntries(
        top.map((i) => {
          const sc = r.scores.find((x) => x.code === i.code);
          return [`c_${i.code}`, sc ? (sc.pending ? '待评' : sc.score) : ''];
        }),
      ),
    })),
    footer: `共 ${items.length} 个单位`,
  };
}

const METHOD_LABELS: Record<string, string> = {
  measured: '按记录测算',
  manual: '县委办评定',
  self: '自评材料、县委办核定',
  deduction: '扣分项',
  bonus: '加分项',
};

/**
 * The scheme as printed (the attachment of its 关于印发…的通知): every indicator in tree order with
 * its points, how it is scored and what it asks of the office.
 */
export function schemeSpec(s: SchemeRow, countyName: string): RegisterSpec {
  const ordered: { code: string; depth: number }[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const i of s.indicators.filter((x) => x.parentCode === parent)) {
      ordered.push({ code: i.code, depth });
      visit(i.code, depth + 1);
    }
  };
  visit(null, 0);
  const byCode = new Map(s.indicators.map((i) => [i.code, i]));
  const top = s.indicators.filter((i) => i.parentCode === null && i.method !== 'deduction' && i.method !== 'bonus');
  return {
    title: s.title,
    orgName: countyName,
    filterSummary: `${s.year}年度 · 考评对象：${s.targetKind === 'township' ? '各乡镇（区）办公室' : '县直各单位办公室'}`,
    columns: [
      { key: 'code', header: '编号', width: 6, align: 'center' },
      { key: 'name', header: '考评内容', width: 22 },
      { key: 'weight', header: '分值', width: 6, align: 'right' },
      { key: 'method', header: '评分方式', width: 10, align: 'center' },
      { key: 'description', header: '评分说明', width: 36 },
    ],
    rows: ordered.map(({ code, depth }) => {
      const i = byCode.get(code)!;
      return {
        code: i.code,
        name: `${'　'.repeat(depth)}${i.name}`,
        weight: i.weight,
        method: METHOD_LABELS[i.method] ?? i.method,
        description: i.description ?? '',
      };
    }),
    footer: `共 ${s.indicators.length} 项指标，基本分合计 ${top.reduce((n, i) => n + i.weight, 0)} 分（加分、扣分项另计）`,
  };
}
