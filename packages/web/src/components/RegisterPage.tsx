/**
 * The register/list page of UI.md: the page header (title, the page's own buttons such as 新建,
 * then 导出 Excel and 打印), a filter bar, and a server-paged table with the one paging config and
 * an empty text that says what to do next. Export and print call the list's own endpoint with
 * `format=xlsx|pdf` (the server's `listOrExport`), with the page's filters, and show a busy state
 * while the file is made.
 *
 *   const paging = usePaging();
 *   const query = { orgId, q };
 *   const list = useVisits({ ...query, page: paging.page, pageSize: paging.pageSize });
 *   <RegisterPage<Visit>
 *     title={t('reception.visits.title')}
 *     actions={<Button type="primary" onClick={…}>{t('reception.visits.new')}</Button>}
 *     filters={<Input.Search onSearch={(v) => { paging.reset(); setQ(v || undefined); }} />}
 *     exportFrom={{ path: '/api/visits', query }}
 *     list={list} paging={paging}
 *     rowKey="id" columns={columns} emptyText={t('reception.visits.empty')} testId="visits-table"
 *   />
 */
import { useState, type ReactNode } from 'react';
import { Button, Flex, Table, type TableProps } from 'antd';
import { useT } from '../app/i18n/I18nProvider.tsx';
import { download, openPdf, type Query } from '../lib/api.ts';
import { notifyError } from '../lib/notify.ts';
import type { Page } from '../lib/query.ts';
import { PageHeader } from './PageHeader.tsx';
import { serverPagination, type Paging } from './pagination.ts';

export interface ExportSource {
  /** The list endpoint; `format=xlsx` / `format=pdf` is added. */
  path: string;
  /** The page's current filters (not the page number: the file holds every matching row). */
  query?: Query;
  /** Hide one of the two buttons (a list without a print layout). */
  xlsx?: boolean;
  pdf?: boolean;
}

export interface RegisterPageProps<T> extends Omit<TableProps<T>, 'dataSource' | 'pagination' | 'loading' | 'title'> {
  title: ReactNode;
  subtitle?: ReactNode;
  /** The page's own buttons (新建 …), before 导出 Excel / 打印. */
  actions?: ReactNode;
  /** The filter bar: selects, date range, search box. Call `paging.reset()` when one changes. */
  filters?: ReactNode;
  /** Where 导出 Excel and 打印 fetch from; leave out for a list without files. */
  exportFrom?: ExportSource;
  /** The list query (a TanStack query of a `Page<T>`). */
  list: { data?: Page<T>; isFetching?: boolean };
  paging: Paging;
  /** What the clerk sees with no rows: what to do next. */
  emptyText?: ReactNode;
  /** data-testid of the table. */
  testId?: string;
  /** Below the table (totals, notes). */
  footerNote?: ReactNode;
}

/** 导出 Excel and 打印, each busy while its file is made; a failure is shown as the server's message. */
export function ExportButtons({ path, query, xlsx = true, pdf = true }: ExportSource) {
  const t = useT();
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const run = async (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    try {
      if (format === 'xlsx') await download(path, { query: { ...query, format } });
      else await openPdf(path, { ...query, format });
    } catch (err) {
      notifyError((err as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {xlsx ? (
        <Button
          loading={busy === 'xlsx'}
          disabled={busy !== null && busy !== 'xlsx'}
          onClick={() => void run('xlsx')}
          data-testid="export-xlsx"
        >
          {t('common.export')}
        </Button>
      ) : null}
      {pdf ? (
        <Button loading={busy === 'pdf'} disabled={busy !== null && busy !== 'pdf'} onClick={() => void run('pdf')} data-testid="print-pdf">
          {t('common.print')}
        </Button>
      ) : null}
    </>
  );
}

export function RegisterPage<T extends object>({
  title,
  subtitle,
  actions,
  filters,
  exportFrom,
  list,
  paging,
  emptyText,
  testId,
  footerNote,
  ...table
}: RegisterPageProps<T>) {
  const t = useT();
  const extra =
    actions || exportFrom ? (
      <>
        {actions}
        {exportFrom ? <ExportButtons {...exportFrom} /> : null}
      </>
    ) : undefined;
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} extra={extra} />
      {filters ? (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="register-filters">
          {filters}
        </Flex>
      ) : null}
      <Table<T>
        size="small"
        scroll={{ x: 'max-content' }}
        {...table}
        data-testid={testId}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: emptyText ?? t('common.empty'), ...table.locale }}
        pagination={serverPagination(paging, list.data?.total, t)}
      />
      {footerNote}
    </>
  );
}
