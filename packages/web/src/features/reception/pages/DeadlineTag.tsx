/** The deadline a case waits on, as a tag: overdue red, due soon orange, open blue. */
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { StatusTag } from '../../../lib/format.tsx';
import type { PetitionSummary } from '../api/reception.ts';

export function DeadlineTag({ p }: { p: Pick<PetitionSummary, 'dueKind' | 'dueOn' | 'deadlineState'> }) {
  const t = useT();
  if (!p.dueOn || !p.dueKind) return null;
  const label = `${t(`reception.due.${p.dueKind}`)} ${p.dueOn}`;
  const tone = p.deadlineState === 'overdue' ? 'overdue' : p.deadlineState === 'due_soon' ? 'warning' : 'inProgress';
  return <StatusTag tone={tone}>{p.deadlineState === 'overdue' ? `${label} ${t('reception.petitions.overdue')}` : label}</StatusTag>;
}
