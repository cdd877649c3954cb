/** Shared presentation: dates as YYYY-MM-DD in tables, 2026年1月5日 in text, amounts in yuan, status tags. */
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../app/i18n/I18nProvider.tsx';

type DateLike = string | Date | null | undefined;

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

/** UI.md's colours: draft grey, in progress blue, overdue red, done green. */
export type StatusTone = 'draft' | 'inProgress' | 'overdue' | 'done' | 'warning';
const TONE_COLOR: Record<StatusTone, string> = {
  draft: 'default',
  inProgress: 'processing',
  overdue: 'error',
  done: 'success',
  warning: 'warning',
};

/** A coloured status tag: `<StatusTag tone="overdue">已超期</StatusTag>`, or the shared words with `status` alone. */
export function StatusTag({ tone, children }: { tone: StatusTone; children?: React.ReactNode }) {
  const t = useT();
  const fallback = tone === 'warning' ? null : t(`common.status.${tone}`);
  return (
    <Tag color={TONE_COLOR[tone]} variant="filled" className="nowrap" style={{ marginInlineEnd: 0 }}>
      {children ?? fallback}
    </Tag>
  );
}
