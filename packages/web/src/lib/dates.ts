/**
 * Dates and amounts as the pages show them (no components: the first page after sign-in imports
 * this, not format.tsx, whose status tags bring antd's Tag). format.tsx re-exports all of it.
 */
import dayjs from 'dayjs';

export type DateLike = string | Date | null | undefined;

/** Tables: 2026-01-05 ('' for none). */
export function formatDate(v: DateLike): string {
  return v ? dayjs(v).format('YYYY-MM-DD') : '';
}

/** Tables with a time: 2026-01-05 14:30. */
export function formatDateTime(v: DateLike): string {
  return v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '';
}

/** Running text: 2026年1月5日 (5 January 2026 in English). */
export function formatDateText(v: DateLike, lang: string): string {
  if (!v) return '';
  return lang === 'en' ? dayjs(v).format('D MMMM YYYY') : dayjs(v).format('YYYY年M月D日');
}

/** Yuan with thousands separators: 12,345.50. */
export function formatYuan(v: number | null | undefined): string {
  if (v === null || v === undefined) return '';
  return v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
