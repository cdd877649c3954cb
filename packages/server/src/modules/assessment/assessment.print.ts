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
