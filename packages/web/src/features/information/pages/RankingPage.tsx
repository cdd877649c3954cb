/** /information/ranking — townships by points per month or year; a township sees its own row and where it stands. */
import { Alert, Col, InputNumber, Row, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { useRanking, type RankingRow } from '../api/information.ts';
import { RankingChart } from '../components/RankingChart.tsx';

export default function RankingPage() {
  const t = useT();
  const { me } = useSession();
  const now = new Date();
  const [year, setYear] = useState(now.getFullYear());
  const [month, setMonth] = useState<number | undefined>(now.getMonth() + 1);
  const q = useRanking(year, month);
  const data = q.data;
  return (
    <>
      <PageHeader title={t('information.ranking.title')} />
      <Space style={{ marginBottom: 12 }}>
        <span>{t('information.ranking.year')}</span>
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
        <span>{t('information.ranking.month')}</span>
        <Select
          style={{ width: 110 }}
          value={month ?? 0}
          onChange={(v) => setMonth(v || undefined)}
          options={[
            { value: 0, label: t('information.ranking.wholeYear') },
            ...Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` })),
          ]}
          data-testid="ranking-month"
        />
      </Space>
      {data?.mine ? (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          showIcon
          message={
            data.mine.rank === null
              ? t('information.ranking.mineUnranked', { of: data.of })
              : t('information.ranking.mine', { points: data.mine.points, rank: data.mine.rank, of: data.of })
          }
          data-testid="ranking-mine"
        />
      ) : null}
      <Row gutter={16}>
        {data && data.items.length > 1 ? (
          <Col xs={24} xl={11}>
            <RankingChart rows={data.items} highlight={me.org.id} label={t('information.ranking.chart')} />
          </Col>
        ) : null}
        <Col xs={24} xl={data && data.items.length > 1 ? 13 : 24}>
          <Table<RankingRow>
            rowKey="orgId"
            size="small"
            loading={q.isFetching && !data}
            dataSource={data?.items ?? []}
            pagination={false}
            data-testid="ranking-table"
            columns={[
              {
                title: t('information.col.rank'),
                dataIndex: 'rank',
                width: 60,
                align: 'center',
                render: (rank: number | null) => rank ?? '—',
              },
              { title: t('information.col.org'), dataIndex: 'orgName' },
              { title: t('information.col.items'), dataIndex: 'items', width: 80, align: 'right' },
              { title: t('information.col.adopted'), dataIndex: 'adopted', width: 80, align: 'right' },
              { title: t('information.col.adoptionPoints'), dataIndex: 'adoptionPoints', width: 90, align: 'right' },
              { title: t('information.col.basePoints'), dataIndex: 'basePoints', width: 70, align: 'right' },
              { title: t('information.col.points'), dataIndex: 'points', width: 70, align: 'right' },
            ]}
          />
        </Col>
      </Row>
    </>
  );
}
