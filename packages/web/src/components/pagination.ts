/**
 * The one table paging of the app (22 tables used to write their own `pagination`): the total
 * ("共 n 条"), page sizes 20/50/100, and the page reset when a filter changes.
 *
 *   const paging = usePaging();                       // page 1, 20 a page
 *   const list = useVisits({ q, page: paging.page, pageSize: paging.pageSize });
 *   <Table pagination={serverPagination(paging, list.data?.total, t)} … />   // a page the server cut
 *   <Table pagination={localPagination(t)} … />                             // every row already here
 *   onSearch={(v) => { paging.reset(); setQ(v); }}                           // a new filter starts at page 1
 */
import { useCallback, useMemo, useState } from 'react';
import type { PaginationProps, TablePaginationConfig } from 'antd';
import type { TFunction } from '../app/i18n/I18nProvider.tsx';

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

export interface Paging {
  page: number;
  pageSize: number;
  /** Antd's onChange: page and size together. */
  onChange(page: number, pageSize: number): void;
  setPage(page: number): void;
  /** Back to page 1: call it when a filter changes. */
  reset(): void;
}

export function usePaging(initialPageSize: number = DEFAULT_PAGE_SIZE): Paging {
  const [state, setState] = useState({ page: 1, pageSize: initialPageSize });
  const onChange = useCallback(
    (page: number, pageSize: number) => setState((s) => ({ page: pageSize === s.pageSize ? page : 1, pageSize })),
    [],
  );
  const setPage = useCallback((page: number) => setState((s) => ({ ...s, page })), []);
  const reset = useCallback(() => setState((s) => (s.page === 1 ? s : { ...s, page: 1 })), []);
  return useMemo(() => ({ ...state, onChange, setPage, reset }), [state, onChange, setPage, reset]);
}

/** Paging of a list the server pages: the current page and size are the query's, the total the response's. */
export function serverPagination(
  paging: Pick<Paging, 'page' | 'pageSize' | 'onChange'>,
  total: number | undefined,
  t: TFunction,
): TablePaginationConfig {
  return {
    current: paging.page,
    pageSize: paging.pageSize,
    total: total ?? 0,
    onChange: paging.onChange,
    showSizeChanger: true,
    pageSizeOptions: [...PAGE_SIZES],
    showTotal: (n) => t('common.total', { total: n }),
    hideOnSinglePage: false,
  };
}

/** Paging of rows that are all in the browser (short lists): antd cuts the pages. */
export function localPagination(t: TFunction, pageSize: number = DEFAULT_PAGE_SIZE): TablePaginationConfig {
  return { pageSize, showSizeChanger: false, showTotal: (n) => t('common.total', { total: n }), hideOnSinglePage: true };
}

/** The same server paging for an antd List (the phone layout's cards): compact, no size changer. */
export function listPagination(paging: Pick<Paging, 'page' | 'pageSize' | 'onChange'>, total: number | undefined): PaginationProps {
  return { current: paging.page, pageSize: paging.pageSize, total: total ?? 0, onChange: paging.onChange, simple: true };
}
