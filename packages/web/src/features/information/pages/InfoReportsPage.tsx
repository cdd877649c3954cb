/** /information/submissions — 信息报送: townships submit and see their own items; the county reviews, adopts at levels and compiles bulletins. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { INFO_STATUSES, type InfoStatus } from '@township-office/domain/information';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { serverPagination, usePaging } from '../../../components/pagination.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { useViewOrg } from '../../../app/view-org.tsx';
import { formatDate } from '../../../lib/format.tsx';
import { useCompileBulletin, useInfoReports, useWithdrawInfoReport, type InfoReport } from '../api/information.ts';
import { InfoStatusTag, LevelTags } from '../components/labels.tsx';
import { AddAdoptionModal, ReviewInfoReportModal } from '../components/ReviewInfoReportModal.tsx';
import { SubmitInfoReportModal } from '../components/SubmitInfoReportModal.tsx';
import { useApp } from '../../../lib/app-messages.tsx';

export default function InfoReportsPage() {
  const t = useT();
  const { message } = useApp();
  const navigate = useNavigate();
  const { can } = useSession();
  const { orgId } = useViewOrg();
  const [status, setStatus] = useState<InfoStatus | undefined>();
  const paging = usePaging();
  const [submitOpen, setSubmitOpen] = useState(false);
  const [reviewing, setReviewing] = useState<InfoReport | null>(null);
  const [adding, setAdding] = useState<InfoReport | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const q = useInfoReports({ status, orgId, page: paging.page, pageSize: paging.pageSize });
  const withdraw = useWithdrawInfoReport();
  const compile = useCompileBulletin();
  const mayCompile = can('info.bulletin');
  return (
    <>
      <PageHeader
        title={t('nav.information.submissions')}
        extra={
          <>
            {can('info.submit') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setSubmitOpen(true)} data-testid="info-new">
                {t('information.submissions.new')}
              </Button>
            ) : null}
            {mayCompile ? (
              <Button
                disabled={selected.length === 0}
                loading={compile.isPending}
                data-testid="info-compile"
                onClick={async () => {
                  const b = await compile.mutateAsync({ itemIds: selected });
                  setSelected([]);
                  message.success(t('information.submissions.compiled', { number: b.numberText }));
                  navigate('/information/bulletins');
                }}
              >
                {t('information.submissions.compile', { n: selected.length })}
              </Button>
            ) : null}
          </>
        }
      />
      <Space style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 160 }}
          allowClear
          placeholder={t('information.col.status')}
          value={status}
          onChange={(v) => {
            paging.reset();
            setStatus(v);
          }}
          options={INFO_STATUSES.map((s) => ({ value: s, label: t(`information.status.${s}`) }))}
          data-testid="info-status-filter"
        />
      </Space>
      <Table<InfoReport>
        rowKey="id"
        size="middle"
        loading={q.isFetching && !q.data}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('information.submissions.empty') }}
        rowSelection={
          mayCompile
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (r) => ({ disabled: r.status !== 'adopted' }),
              }
            : undefined
        }
        pagination={serverPagination(paging, q.data?.total, t)}
        expandable={{
          expandedRowRender: (r) => (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {r.content}
              {r.reviewNote ? `\n\n${t('information.review.note')}：${r.reviewNote}` : ''}
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t('information.col.title'), dataIndex: 'title', ellipsis: true },
          { title: t('information.col.org'), dataIndex: 'orgName', width: 130 },
          { title: t('information.col.kind'), dataIndex: 'kind', width: 90, render: (k: InfoReport['kind']) => t(`information.kind.${k}`) },
          { title: t('information.col.status'), dataIndex: 'status', width: 90, render: (s: InfoStatus) => <InfoStatusTag status={s} /> },
          { title: t('information.col.levels'), key: 'levels', width: 260, render: (_: unknown, r) => <LevelTags levels={r.adoptions} /> },
          { title: t('information.col.points'), dataIndex: 'points', width: 70, align: 'right' },
          { title: t('information.col.submittedAt'), dataIndex: 'submittedAt', width: 110, render: formatDate },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, r) => (
              <Space size={4}>
                {r.allowedActions.includes('review') ? (
                  <Button size="small" type="link" onClick={() => setReviewing(r)} data-testid={`review-${r.id}`}>
                    {t('information.review.action')}
                  </Button>
                ) : null}
                {r.allowedActions.includes('addAdoption') ? (
                  <Button size="small" type="link" onClick={() => setAdding(r)}>
                    {t('information.review.addAdoption')}
                  </Button>
                ) : null}
                {r.allowedActions.includes('withdraw') ? (
                  <Button size="small" type="link" danger loading={withdraw.isPending} onClick={() => withdraw.mutate(r.id)}>
                    {t('information.review.withdraw')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <SubmitInfoReportModal open={submitOpen} onClose={() => setSubmitOpen(false)} />
      <ReviewInfoReportModal item={reviewing} onClose={() => setReviewing(null)} />
      <AddAdoptionModal item={adding} onClose={() => setAdding(null)} />
    </>
  );
}
