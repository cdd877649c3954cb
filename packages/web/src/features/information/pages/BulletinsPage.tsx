/** /information/bulletins — 信息专报 issues numbered per year; each prints to PDF. */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { localPagination } from '../../../components/pagination.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { formatDate } from '../../../lib/format.tsx';
import { printBulletin, useBulletins, type Bulletin } from '../api/information.ts';

export default function BulletinsPage() {
  const t = useT();
  const q = useBulletins();
  return (
    <>
      <PageHeader title={t('information.bulletins.title')} />
      <Table<Bulletin>
        rowKey="id"
        size="middle"
        loading={q.isFetching && !q.data}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('information.bulletins.empty') }}
        pagination={localPagination(t, 20)}
        columns={[
          {
            title: t('information.col.number'),
            dataIndex: 'numberText',
            width: 140,
            render: (v: string) => <span data-testid="bulletin-number">{v}</span>,
          },
          { title: t('information.col.title'), dataIndex: 'title' },
          { title: t('information.col.count'), dataIndex: 'itemCount', width: 70, align: 'right' },
          { title: t('information.col.compiledAt'), dataIndex: 'compiledAt', width: 120, render: formatDate },
          {
            title: t('common.actions'),
            key: 'print',
            width: 100,
            render: (_: unknown, r) => (
              <Button size="small" icon={<PrinterOutlined />} onClick={() => printBulletin(r.id)} data-testid={`print-${r.numberText}`}>
                {t('information.bulletins.print')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
