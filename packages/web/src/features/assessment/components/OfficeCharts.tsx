/**
 * One office against the county: its score on each top-level category beside the county average
 * (and the category's points), and its total over the years beside the county's mean total. An
 * office sees its own; the county picks the office.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Card, Col, Row, Select } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useHistory, type Results, type SchemeDetail } from '../api/assessment.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function useChart(option: echarts.EChartsCoreOption | null) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current || !option) return;
    const chart = echarts.init(el.current);
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return el;
}

export function OfficeCharts({ scheme, results }: { scheme: SchemeDetail; results: Results }) {
  const t = useT();
  const [picked, setPicked] = useState<string | null>(null);
  const single = results.items.length === 1;
  const orgId = single ? results.items[0]!.orgId : (picked ?? results.items[0]?.orgId ?? null);
  const row = results.items.find((r) => r.orgId === orgId);
  // An office asks for its own history; the county names the office.
  const history = useHistory(single ? undefined : orgId);
  const mine = t('assessment.charts.office');
  const avg = t('assessment.charts.average');
  const full = t('assessment.charts.full');

  const categoryOption = useMemo(() => {
    if (!row) return null;
    const top = scheme.indicators.filter((i) => i.parentCode === null && i.method !== 'deduction' && i.method !== 'bonus');
    return {
      animation: false,
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: top.map((i) => i.name), axisLabel: { interval: 0, rotate: top.length > 5 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: [
        { name: mine, type: 'bar', data: top.map((i) => row.scores.find((x) => x.code === i.code)?.score ?? 0) },
        { name: avg, type: 'bar', data: top.map((i) => results.averages.find((a) => a.code === i.code)?.average ?? 0) },
        { name: full, type: 'line', symbol: 'none', lineStyle: { type: 'dashed' }, data: top.map((i) => i.weight) },
      ],
    };
  }, [row, results.averages, scheme.indicators, mine, avg, full]);
  const historyOption = useMemo(() => {
    const h = history.data?.items;
    if (!h?.length) return null;
    return {
      animation: false,
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: h.map((x) => String(x.year)) },
      yAxis: { type: 'value', max: 100 },
      series: [
        {
          name: mine,
          type: 'line',
          data: h.map((x) => x.total),
          label: {
            show: true,
            formatter: (p: { dataIndex: number }) => `${h[p.dataIndex]!.total}（${h[p.dataIndex]!.rank}/${h[p.dataIndex]!.offices}）`,
          },
        },
        { name: avg, type: 'line', data: h.map((x) => x.average), lineStyle: { type: 'dashed' } },
      ],
    };
  }, [history.data, mine, avg]);
  const categoryEl = useChart(categoryOption);
  const historyEl = useChart(historyOption);
  if (!row) return null;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={t('assessment.charts.title', { org: row.orgName })}
      data-testid="office-charts"
      extra={
        single ? null : (
          <Select
            aria-label={t('assessment.col.org')}
            data-testid="charts-org"
            style={{ minWidth: 180 }}
            value={orgId ?? undefined}
            onChange={setPicked}
            showSearch
            optionFilterProp="label"
            options={results.items.map((r) => ({ value: r.orgId, label: r.orgName }))}
          />
        )
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <div style={{ fontWeight: 500, marginBottom: 4 }}>{t('assessment.charts.categories')}</div>
          <div ref={categoryEl} style={{ width: '100%', height: 280 }} data-testid="category-chart" />
        </Col>
        <Col xs={24} lg={10}>
          <div style={{ fontWeight: 500, marginBottom: 4 }}>{t('assessment.charts.years')}</div>
          <div ref={historyEl} style={{ width: '100%', height: 280 }} data-testid="history-chart" />
        </Col>
      </Row>
    </Card>
  );
}
