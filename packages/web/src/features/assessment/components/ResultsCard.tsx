/**
 * The results: the county's table of offices × top-level indicators (each cell's basis on hover,
 * every leaf's score, basis and gap in the expanded row, a score button on the items the county
 * scores), the ranking bars; an office sees its own row opened, with its self-assessment and appeal
 * buttons when the year is at those steps.
 */
import { useState } from 'react';
import { Button, Card, List, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { isMetricKey } from '@township-office/domain/assessment';
import { isMeasuredIndicator } from './scorable.ts';
import { RECORD_PAGES } from './record-links.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { ExportButtons } from '../../../components/RegisterPage.tsx';
import { useResults, useSelfAssessments, useSelfReports, type IndicatorOut, type ResultRow, type SchemeDetail } from '../api/assessment.ts';
import { RankingChart } from './RankingChart.tsx';
import { OfficeCharts } from './OfficeCharts.tsx';
import { SELF_STEPS, SelfStateTag } from './SelfAssessmentCard.tsx';
import { AppealModal, SelfReportModal } from './OfficeModals.tsx';
import { ScoreModal } from './ScoreModals.tsx';
import { isLeafIn } from './tree.ts';

type Open =
  | { kind: 'score'; row: ResultRow; indicator: IndicatorOut; current?: number }
  | { kind: 'self'; code: string }
  | { kind: 'appeal'; code: string };

export function ResultsCard({ scheme }: { scheme: SchemeDetail }) {
  const t = useT();
  const results = useResults(scheme.id);
  const selfReports = useSelfReports(scheme.id);
  const selfAssessments = useSelfAssessments(scheme.id, SELF_STEPS.includes(scheme.status));
  const [open, setOpen] = useState<Open | null>(null);
  const may = (a: string) => scheme.allowedActions.includes(a);
  const byCode = new Map(scheme.indicators.map((i) => [i.code, i]));
  const data = results.data;
  if (!data) return null;
  const single = data.items.length === 1;
  const evidenceOf = (orgId: string, code: string) => selfReports.data?.items.find((r) => r.orgId === orgId && r.code === code)?.evidence;

  const actions = (r: ResultRow, code: string) => {
    const i = byCode.get(code);
    if (!i) return null;
    return (
      <Space size={0} wrap>
        {may('score') && !isMeasuredIndicator(i) && (
          <Button
            type="link"
            size="small"
            data-testid={`score-btn-${code}`}
            onClick={() => {
              const x = r.scores.find((y) => y.code === code);
              setOpen({ kind: 'score', row: r, indicator: i, current: x && !x.pending ? x.score : undefined });
            }}
          >
            {t('assessment.score.button')}
          </Button>
        )}
        {may('selfReport') && i.method === 'self' && (
          <Button type="link" size="small" data-testid={`self-btn-${code}`} onClick={() => setOpen({ kind: 'self', code })}>
            {evidenceOf(r.orgId, code) ? t('assessment.self.resubmit') : t('assessment.self.button')}
          </Button>
        )}
        {may('appeal') && (
          <Button type="link" size="small" data-testid={`appeal-btn-${code}`} onClick={() => setOpen({ kind: 'appeal', code })}>
            {t('assessment.appeal.button')}
          </Button>
        )}
      </Space>
    );
  };
  const scoreText = (code: string, v: number, pending: boolean) => {
    const i = byCode.get(code);
    if (pending) return <Tag>{t('assessment.pending')}</Tag>;
    const full = i && i.method !== 'deduction' && i.method !== 'bonus' ? i.weight : null;
    return (
      <span data-testid={`score-${code}`}>
        {v}
        {full !== null && v < full ? (
          <Typography.Text type="warning" style={{ marginLeft: 6 }} data-testid={`gap-${code}`}>
            {t('assessment.gap', { gap: Math.round((full - v) * 100) / 100 })}
          </Typography.Text>
        ) : null}
      </span>
    );
  };
  /** Below full points on a measured item: the register to open, with what to do. */
  const recordLink = (code: string) => {
    const i = byCode.get(code);
    const x = data.items[0]?.scores.find((y) => y.code === code);
    if (!i || !x || !i.metric || !isMetricKey(i.metric)) return null;
    const short = i.method === 'deduction' ? x.score < 0 : i.method !== 'bonus' && x.score < i.weight;
    if (!short) return null;
    return (
      <Link to={RECORD_PAGES[i.metric]} style={{ marginLeft: 8 }} data-testid={`records-${code}`}>
        {t('assessment.records')}
      </Link>
    );
  };
  const leaves = (r: ResultRow) => r.scores.filter((x) => isLeafIn(scheme.indicators, x.code));

  /** An office's own result: one line per item (score, gap, how it was reached, what it may do), readable on a phone. */
  const own = (r: ResultRow) => (
    <List
      data-testid="own-result"
      dataSource={leaves(r)}
      renderItem={(x) => (
        <List.Item data-testid={`own-${x.code}`} extra={actions(r, x.code)}>
          <List.Item.Meta
            title={
              <Space wrap>
                <span>
                  {x.code} {byCode.get(x.code)?.name}
                </span>
                {scoreText(x.code, x.score, x.pending)}
                <Typography.Text type="secondary">/ {byCode.get(x.code)?.weight}</Typography.Text>
              </Space>
            }
            description={
              <>
                {x.basis}
                {recordLink(x.code)}
              </>
            }
          />
        </List.Item>
      )}
    />
  );

  const detail = (r: ResultRow) => (
    <Table
      rowKey="code"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={leaves(r)}
      columns={[
        { title: t('assessment.col.name'), dataIndex: 'code', render: (c: string) => `${c} ${byCode.get(c)?.name ?? ''}` },
        {
          title: t('assessment.col.score'),
          dataIndex: 'score',
          render: (v: number, x) => scoreText(x.code, v, x.pending),
        },
        {
          title: t('assessment.col.basis'),
          dataIndex: 'basis',
          render: (b: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{b}</span>,
        },
        { title: t('assessment.col.actions'), key: 'a', render: (_: unknown, x) => actions(r, x.code) },
      ]}
    />
  );

  return (
    <Card
      title={data.final ? t('assessment.results.final') : t('assessment.results.running')}
      style={{ marginTop: 16 }}
      data-testid="assessment-results"
      extra={
        <Space wrap>
          <ExportButtons path={`/api/assessment/schemes/${scheme.id}/results/export`} />
        </Space>
      }
    >
      {single ? (
        <>
          <Space wrap size="large" style={{ marginBottom: 8 }}>
            <span>
              {t('assessment.col.total')} <b data-testid="result-total">{data.items[0]!.total}</b>
            </span>
            <span>
              {t('assessment.col.rank')} <b data-testid="result-rank">{data.items[0]!.rank}</b>
            </span>
            {data.items[0]!.grade && (
              <span>
                {t('assessment.col.grade')} <b>{t(`assessment.grade.${data.items[0]!.grade}`)}</b>
              </span>
            )}
          </Space>
          {own(data.items[0]!)}
        </>
      ) : null}
      {!single && data.items.length > 0 && <RankingChart rows={data.items} label={t('assessment.col.total')} />}
      {data.items.length > 0 && <OfficeCharts scheme={scheme} results={data} />}
      {!single && (
        <Table<ResultRow>
          rowKey="orgId"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={data.items}
          expandable={{ expandedRowRender: detail }}
          columns={[
            { title: t('assessment.col.rank'), dataIndex: 'rank' },
            { title: t('assessment.col.org'), dataIndex: 'orgName' },
            { title: t('assessment.col.total'), dataIndex: 'total', render: (v: number) => <b data-testid="result-total">{v}</b> },
            { title: t('assessment.col.grade'), dataIndex: 'grade', render: (g: string | null) => (g ? t(`assessment.grade.${g}`) : '—') },
            // The self-assessment's state beside each office: one not confirmed by its leader in charge is flagged.
            ...(selfAssessments.data
              ? [
                  {
                    title: t('assessment.selfAssessment.column'),
                    key: 'self',
                    render: (_: unknown, r: ResultRow) => {
                      const x = selfAssessments.data.items.find((y) => y.orgId === r.orgId);
                      return x ? <SelfStateTag item={x} /> : null;
                    },
                  },
                ]
              : []),
            ...scheme.indicators
              .filter((i) => i.parentCode === null)
              .map((i) => ({
                title: `${i.name}（${i.weight}）`,
                key: i.code,
                render: (_: unknown, r: ResultRow) => {
                  const sc = r.scores.find((x) => x.code === i.code);
                  return sc ? <span title={sc.basis}>{sc.pending ? <Tag>{t('assessment.pending')}</Tag> : sc.score}</span> : null;
                },
              })),
          ]}
        />
      )}
      {open?.kind === 'score' && (
        <ScoreModal
          schemeId={scheme.id}
          orgId={open.row.orgId}
          orgName={open.row.orgName}
          indicator={open.indicator}
          current={open.current}
          evidence={evidenceOf(open.row.orgId, open.indicator.code)}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'self' && (
        <SelfReportModal
          schemeId={scheme.id}
          indicators={scheme.indicators.filter((i) => i.method === 'self')}
          initialCode={open.code}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'appeal' && (
        <AppealModal
          schemeId={scheme.id}
          indicators={scheme.indicators.filter((i) => isLeafIn(scheme.indicators, i.code))}
          initialCode={open.code}
          onClose={() => setOpen(null)}
        />
      )}
    </Card>
  );
}
