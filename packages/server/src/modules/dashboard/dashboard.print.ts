/** The county overview as the shared register print: one line per township, one column per standard. */
import { COLUMN_LABELS, STANDARD_COLUMNS, type CountyDashboard } from '@township-office/domain/dashboard';
import type { RegisterSpec } from '../../platform/print/register.ts';

// Words, not symbols: the embedded CJK font prints every Chinese character but not every symbol.
const MARK = { ok: '达标', warn: '关注', gap: '未达标', nodata: '' } as const;

export function overviewSpec(d: CountyDashboard, countyName: string): RegisterSpec {
  const pct = (x: number | null) => (x === null ? '暂无数据' : `${Math.round(x * 1000) / 10}%`);
  return {
    title: `${d.year}年乡镇办公室规范化建设情况总览`,
    orgName: countyName,
    filterSummary: [
      `乡镇 ${d.townships} 个`,
      `分管领导 ${d.leadersInCharge.familiar}/${d.leadersInCharge.assigned}`,
      `备案人员 ${d.filedStaff} 人`,
      `近三年培训 ${d.trainingSessions} 期（覆盖 ${d.trainedAtLeastOnce.trained}/${d.trainedAtLeastOnce.total}）`,
      `跟班学习 ${d.rotationsByQuarter.join('/')}`,
      `三室齐全 ${d.threeRoomsComplete}`,
      `网上传输 ${pct(d.onlineShare)}`,
      `平均经费 ${d.avgOfficeExpenseYuan ?? '—'} 元`,
      `六项制度齐全 ${d.townshipsWithAllSixRules}`,
    ].join(' · '),
    columns: [
      { key: 'name', header: '乡镇（区）', width: 2.2 },
      ...STANDARD_COLUMNS.map((c) => ({ key: c, header: COLUMN_LABELS[c].zh, width: 1.6, align: 'center' as const })),
      { key: 'gaps', header: '待改进', width: 0.9, align: 'center' as const },
    ],
    rows: d.rows.map((r) => ({
      name: r.name,
      ...Object.fromEntries(
        STANDARD_COLUMNS.map((c) => [
          c,
          r.cells[c].status === 'nodata' ? r.cells[c].value : `${r.cells[c].value}（${MARK[r.cells[c].status]}）`,
        ]),
      ),
      gaps: r.gaps,
    })),
    footer: `共 ${d.rows.length} 个乡镇（区），${d.rows.filter((r) => r.gaps === 0).length} 个各项均达标`,
  };
}
