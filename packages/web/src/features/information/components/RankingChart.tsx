import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { RankingRow } from '../api/information.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Townships by points, highest on top; the caller's own org in a stronger colour. */
export function RankingChart({ rows, highlight, label }: { rows: RankingRow[]; highlight?: string; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    const sorted = [...rows].sort((a, b) => a.points - b.points);
    chart.setOption({
      animation: false,
      grid: { left: 110, right: 40, top: 10, bottom: 20 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: sorted.map((r) => r.orgName) },
      series: [
        {
          name: label,
          type: 'bar',
          data: sorted.map((r) => ({ value: r.points, itemStyle: { color: r.orgId === highlight ? '#cf1322' : '#1677ff' } })),
          label: { show: true, position: 'right' },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows, highlight, label]);
  return <div ref={el} style={{ width: '100%', height: Math.max(240, rows.length * 26 + 40) }} data-testid="ranking-chart" />;
}
