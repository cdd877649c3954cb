/** /documents/outgoing — 发文: drafts, in review, to sign, numbered, sent; and /documents/to-sign for leaders. */
import { BookOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tabs } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { DocumentStatus } from '@township-office/domain/documents';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { serverPagination, usePaging } from '../../../components/pagination.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { formatDate } from '../../../lib/format.tsx';
import { useDocumentList } from '../api/documents.ts';
import type { DocumentListItem } from '../api/types.ts';
import { ClassificationTag, DocStatusTag, UrgencyTag } from '../components/labels.tsx';

const TABS: (DocumentStatus | 'all')[] = [
  'all',
  'draft',
  'returned',
  'in_review',
  'reviewed',
  'signed_off',
  'numbered',
  'dispatched',
  'void',
];

export function OutgoingList({ fixedStatus, title, empty }: { fixedStatus?: DocumentStatus; title: string; empty: string }) {
  const t = useT();
  const navigate = useNavigate();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const tab = (fixedStatus ?? params.get('status') ?? 'all') as DocumentStatus | 'all';
  const paging = usePaging();
  const q = useDocumentList(tab === 'all' ? undefined : tab, paging.page, paging.pageSize);
  return (
    <>
      <PageHeader
        title={title}
        extra={
          fixedStatus ? null : (
            <>
              {can('documents.draft') ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/documents/outgoing/new')} data-testid="new-draft">
                  {t('documents.nav.newDraft')}
                </Button>
              ) : null}
              <Button icon={<BookOutlined />} onClick={() => navigate('/documents/registers/outgoing')}>
                {t('documents.outgoing.register')}
              </Button>
            </>
          )
        }
      />
      {fixedStatus ? null : (
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            paging.reset();
            setParams(k === 'all' ? {} : { status: k });
          }}
          items={TABS.map((s) => ({ key: s, label: s === 'all' ? t('documents.outgoing.all') : t(`documents.docStatus.${s}`) }))}
          style={{ marginBottom: 0 }}
        />
      )}
      <Table<DocumentListItem>
        rowKey="id"
        size="middle"
        loading={q.isFetching && !q.data}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: empty }}
        pagination={serverPagination(paging, q.data?.total, t)}
        onRow={(r) => ({ onDoubleClick: () => navigate(`/documents/outgoing/${r.id}`) })}
        columns={[
          { title: t('documents.col.docNumber'), dataIndex: 'docNumber', width: 190, render: (v: string | null) => v ?? '—' },
          {
            title: t('documents.col.title'),
            dataIndex: 'title',
            ellipsis: true,
            render: (v: string, r) => (
              <>
                <UrgencyTag urgency={r.urgency} />
                <ClassificationTag classification={r.classification} />
                <Link to={`/documents/outgoing/${r.id}`}>{v}</Link>
              </>
            ),
          },
          { title: t('documents.col.docType'), dataIndex: 'docType', width: 80 },
          { title: t('documents.col.status'), dataIndex: 'status', width: 100, render: (s: DocumentStatus) => <DocStatusTag status={s} /> },
          { title: t('documents.col.draftedAt'), dataIndex: 'draftedAt', width: 110, render: formatDate },
          { title: t('documents.col.writtenDate'), dataIndex: 'writtenDate', width: 110, render: formatDate },
        ]}
      />
    </>
  );
}

export default function OutgoingListPage() {
  const t = useT();
  return <OutgoingList title={t('documents.outgoing.title')} empty={t('documents.outgoing.empty')} />;
}
