/** Shared presentation: dates as YYYY-MM-DD in tables, 2026年1月5日 in text, amounts in yuan, status tags. */
import { Tag } from 'antd';
import { useT } from '../app/i18n/I18nProvider.tsx';

export { formatDate, formatDateTime, formatDateText, formatYuan, type DateLike } from './dates.ts';

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
