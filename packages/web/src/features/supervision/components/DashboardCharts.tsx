import { useEffect, useRef } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { AGE_BANDS, AGE_BAND_LABELS, EDUCATION_LABELS, EDUCATION_LEVELS } from '@township-office/domain/personnel';
import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS } from '@township-office/domain/environment';
import type { Charts } from '../api/supervision.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function Chart({ option, height = 280, testId }: { option: echarts.EChartsCoreOption; height?: number; testId: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption({ animation: false, ...option });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={el} style={{ width: '100%', height }} data-testid={testId} />;
}

export function DashboardCharts({ charts, t }: { charts: Charts; t: (k: string) => string }) {
  const names = charts.expensesByTownship.map((e) => e.name);
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('supervision.chart.online')}>
          {charts.onlineShareByMonth ? (
            <Chart
              testId="chart-online"
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 50, right: 20, top: 20, bottom: 30 },
                xAxis: { type: 'category', data: charts.onlineShareByMonth.map((m) => `${m.month}月`) },
                yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
                series: [
                  {
                    type: 'line',
                    data: charts.onlineShareByMonth.map((m) => (m.share === null ? null : Math.round(m.share * 1000) / 10)),
                    markLine: undefined,
                  },
                ],
              }}
            />
          ) : (
            <Empty description={t('supervision.noData')} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('supervision.chart.structure')}>
          <Chart
            testId="chart-structure"
            option={{
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 40, right: 20, top: 40, bottom: 30 },
              xAxis: { type: 'category', data: AGE_BANDS.map((b) => AGE_BAND_LABELS[b]) },
              yAxis: { type: 'value', minInterval: 1 },
              series: EDUCATION_LEVELS.map((e) => ({
                name: EDUCATION_LABELS[e],
                type: 'bar',
                stack: 'edu',
                data: AGE_BANDS.map((b) =>
                  charts.staffStructure.filter((s) => s.band === b && s.education === e).reduce((a, s) => a + s.n, 0),
                ),
              })),
            }}
          />
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Card size="small" title={t('supervision.chart.expenses')}>
          <Chart
            testId="chart-expenses"
            height={320}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 60, right: 20, top: 40, bottom: 70 },
              xAxis: { type: 'category', data: names, axisLabel: { rotate: 40 } },
              yAxis: { type: 'value' },
              series: EXPENSE_CATEGORIES.map((c) => ({
                name: EXPENSE_CATEGORY_LABELS[c],
                type: 'bar',
                stack: 'exp',
                data: charts.expensesByTownship.map((e) => e.byCategory[c] ?? 0),
              })),
            }}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={t('supervision.chart.overdue')}>
          {charts.overdueByTownship.some((o) => o.overdue !== null) ? (
            <Chart
              testId="chart-overdue"
              height={320}
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 110, right: 20, top: 10, bottom: 20 },
                xAxis: { type: 'value', minInterval: 1 },
                yAxis: { type: 'category', data: charts.overdueByTownship.map((o) => o.name) },
                series: [{ type: 'bar', data: charts.overdueByTownship.map((o) => o.overdue ?? 0), itemStyle: { color: '#cf1322' } }],
              }}
            />
          ) : (
            <Empty description={t('supervision.noData')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
