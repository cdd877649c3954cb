import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ResultRow } from '../api/assessment.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Offices by total, highest on top (the ranking bars). */
export function RankingChart({ rows, label }: { rows: ResultRow[]; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    const sorted = [...rows].sort((a, b) => a.total - b.total);
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 48, top: 10, bottom: 20, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', data: sorted.map((r) => `${r.rank}. ${r.orgName}`) },
      series: [{ name: label, type: 'bar', data: sorted.map((r) => r.total), label: { show: true, position: 'right' } }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows, label]);
  return <div ref={el} style={{ width: '100%', height: Math.max(160, rows.length * 24 + 40) }} data-testid="assessment-ranking-chart" />;
}
