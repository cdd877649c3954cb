/**
 * A deadline as a coloured tag (UI.md): blue while time is left ("6月30日前" / "due 2026-06-30"),
 * orange on the last days and on the day itself ("今日到期"), red once overdue ("已超期 3 天"),
 * green when done in time, red when done late. The state comes from the domain's `deadlineState`
 * against today in China, or from the server when it already sends one (`state`).
 *
 *   <DeadlineTag due={row.deadline} doneOn={row.closedOn} />
 *   <DeadlineTag due={p.dueOn} state={p.deadlineState} prefix={t(`reception.due.${p.dueKind}`)} />
 */
import type { ReactNode } from 'react';
import { chinaToday } from '@township-office/domain/dates';
import { daysLeft, deadlineState, type DeadlineState } from '@township-office/domain/deadlines';
import { useT } from '../app/i18n/I18nProvider.tsx';
import { StatusTag, type StatusTone } from '../lib/format.tsx';

const TONE: Record<DeadlineState, StatusTone> = {
  open: 'inProgress',
  due_soon: 'warning',
  overdue: 'overdue',
  met: 'done',
  missed: 'overdue',
};

export function DeadlineTag({
  due,
  doneOn,
  state,
  prefix,
  soonDays = 3,
  today = chinaToday(),
}: {
  /** YYYY-MM-DD; nothing is shown without one. */
  due: string | null | undefined;
  doneOn?: string | null;
  /** The server's verdict, when it sends one; otherwise computed here. */
  state?: DeadlineState;
  /** Words before the date (e.g. "受理期限"); default "到期". */
  prefix?: ReactNode;
  soonDays?: number;
  /** For tests and print previews. */
  today?: string;
}) {
  const t = useT();
  if (!due) return null;
  const s = state ?? deadlineState(due, today, doneOn, soonDays);
  const left = daysLeft(due, today);
  let text: ReactNode;
  if (s === 'met' || s === 'missed') text = t(`common.deadline.${s}`, { due });
  else if (s === 'overdue' || left < 0) text = t('common.deadline.overdue', { due, days: Math.max(1, -left) });
  else if (left === 0) text = t('common.deadline.today', { due });
  else text = t('common.deadline.due', { due, days: left });
  return (
    <StatusTag tone={TONE[s]}>
      {prefix ? (
        <>
          {prefix} {text}
        </>
      ) : (
        text
      )}
    </StatusTag>
  );
}
