/**
 * /supervision/assessment — the year's scheme (indicator tree with weights and the running sum)
 * and the results: the county sees every office × indicator, an office sees its own score with
 * how each indicator was reached and what is still pending. Read-only for now: the steps of the
 * year are taken through the API.
 */
import { useState } from 'react';
import { Card, Empty, InputNumber, Select, Space, Table, Tag } from 'antd';
import { chinaYear } from '@township-office/domain/dates';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useResults, useScheme, useSchemes, type SchemeDetail } from '../api/assessment.ts';

const STATUS: Record<string, string> = {
  draft: '草稿',
  consultation: '征求意见',
  published: '已发布',
  self_assessment: '自评',
  scoring: '评分',
  notice: '公示',
  final: '结果确定',
};
const METHOD: Record<string, string> = { measured: '系统测算', manual: '县委办评分', self: '自评核实', deduction: '扣分', bonus: '加分' };

type Row = SchemeDetail['indicators'][number] & { children?: Row[] };

function tree(items: SchemeDetail['indicators']): Row[] {
  const rows = new Map<string, Row>(items.map((i) => [i.code, { ...i }]));
  const top: Row[] = [];
  for (const r of rows.values()) {
    const p = r.parentCode ? rows.get(r.parentCode) : undefined;
    if (p) (p.children ??= []).push(r);
    else top.push(r);
  }
  return top;
}

export default function AssessmentPage() {
  const [year, setYear] = useState(chinaYear());
  const schemes = useSchemes(year);
  const [picked, setPicked] = useState<string | null>(null);
  // The township scheme first: 18 of the county's offices are assessed by it.
  const items = [...(schemes.data?.items ?? [])].sort(
    (a, b) => (a.targetKind === 'township' ? 0 : 1) - (b.targetKind === 'township' ? 0 : 1),
  );
  const id = picked ?? items[0]?.id ?? null;
  const scheme = useScheme(id);
  const results = useResults(id);
  const s = scheme.data;
  return (
    <>
      <PageHeader
        title="考评细则"
        extra={
          <Space>
            <InputNumber aria-label="年度" min={2000} max={2100} value={year} onChange={(v) => v && (setYear(v), setPicked(null))} />
            <Select
              aria-label="细则"
              style={{ minWidth: 320 }}
              value={id ?? undefined}
              onChange={setPicked}
              options={items.map((x) => ({ value: x.id, label: `${x.title}（${STATUS[x.status]}）` }))}
            />
          </Space>
        }
      />
      {schemes.isSuccess && !id && <Empty description="本年度暂无考评细则" />}
      {s && (
        <Card
          title={`${s.title} · ${STATUS[s.status]}`}
          extra={<Tag color={s.weightSum === 100 ? 'green' : 'red'}>一级指标合计 {s.weightSum} 分</Tag>}
        >
          <Table<Row>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={tree(s.indicators)}
            expandable={{ defaultExpandAllRows: true }}
            columns={[
              { title: '编号', dataIndex: 'code' },
              { title: '指标', dataIndex: 'name' },
              { title: '分值', dataIndex: 'weight' },
              { title: '评分方式', dataIndex: 'method', render: (m: string) => METHOD[m] },
              { title: '统计口径', dataIndex: 'metric' },
            ]}
          />
        </Card>
      )}
      {s && results.data && (
        <Card title={results.data.final ? '考评结果' : '当前得分（测算项实时，人工项待评）'} style={{ marginTop: 16 }}>
          <Table
            rowKey="orgId"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={results.data.items}
            columns={[
              { title: '名次', dataIndex: 'rank', fixed: 'left' },
              { title: '单位', dataIndex: 'orgName', fixed: 'left' },
              { title: '总分', dataIndex: 'total' },
              { title: '等次', dataIndex: 'grade', render: (g: string | null) => g ?? '—' },
              ...s.indicators
                .filter((i) => i.parentCode === null)
                .map((i) => ({
                  title: `${i.name}（${i.weight}）`,
                  key: i.code,
                  render: (_: unknown, r: (typeof results.data.items)[number]) => {
                    const sc = r.scores.find((x) => x.code === i.code);
                    return sc ? <span title={sc.basis}>{sc.pending ? <Tag>待评</Tag> : sc.score}</span> : null;
                  },
                })),
            ]}
            expandable={{
              expandedRowRender: (r) => (
                <Table
                  rowKey="code"
                  size="small"
                  pagination={false}
                  dataSource={r.scores}
                  columns={[
                    {
                      title: '指标',
                      dataIndex: 'code',
                      render: (c: string) => `${c} ${s.indicators.find((i) => i.code === c)?.name ?? ''}`,
                    },
                    { title: '得分', dataIndex: 'score', render: (v: number, x) => (x.pending ? <Tag>待评</Tag> : v) },
                    { title: '得分依据', dataIndex: 'basis' },
                  ]}
                />
              ),
            }}
          />
        </Card>
      )}
    </>
  );
}
