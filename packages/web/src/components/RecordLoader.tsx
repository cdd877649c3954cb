/**
 * The three states around one record's query, so a record page renders only with its data:
 * loading (a skeleton), failed (the server's message and a retry), not found (a 404 or no data:
 * the page's own words and the way back). The record is handed to the children as a function.
 *
 *   const doc = useDocument(id);
 *   <RecordLoader query={doc} notFound={t('documents.slip.notFound')}>{(d) => <DocumentSlip doc={d} />}</RecordLoader>
 */
import type { ReactNode } from 'react';
import { Button, Result, Skeleton } from 'antd';
import { Link } from 'react-router';
import { useT } from '../app/i18n/I18nProvider.tsx';
import { ApiError } from '../lib/api.ts';

export interface RecordQuery<T> {
  data?: T | null;
  error?: unknown;
  isPending: boolean;
  isError: boolean;
  refetch(): unknown;
}

export function RecordLoader<T>({
  query,
  notFound,
  backTo = '/',
  children,
}: {
  query: RecordQuery<T>;
  /** What the user reads when there is no such record (or not theirs to see). */
  notFound?: ReactNode;
  /** Where "back" leads from the not-found page. */
  backTo?: string;
  children(record: T): ReactNode;
}) {
  const t = useT();
  if (query.isPending)
    return (
      <div data-testid="record-loading">
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  const missing =
    (query.isError && query.error instanceof ApiError && query.error.status === 404) || (!query.isError && query.data == null);
  if (missing)
    return (
      <div data-testid="record-not-found">
        <Result
          status="404"
          title={t('common.notFound')}
          subTitle={notFound}
          extra={
            <Link to={backTo}>
              <Button>{t('common.back')}</Button>
            </Link>
          }
        />
      </div>
    );
  if (query.isError)
    return (
      <div data-testid="record-error">
        <Result
          status="error"
          title={t('common.loadFailed')}
          subTitle={query.error instanceof Error ? query.error.message : undefined}
          extra={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
        />
      </div>
    );
  return <>{children(query.data as T)}</>;
}
