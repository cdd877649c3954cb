/** 已办: what I did recently (GET /api/workbench/done), each with a link to the record, so yesterday's work is one click away. */
import { Link } from 'react-router';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PlainEmpty, PlainList, PlainSkeleton, Txt } from '../../../components/plain.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useDone } from '../api/workbench.ts';

export function DonePanel() {
  const t = useT();
  const done = useDone();
  if (done.isPending) return <PlainSkeleton rows={3} />;
  const items = done.data ?? [];
  if (items.length === 0) return <PlainEmpty description={t('workbench.noDone')} />;
  // An action without its own words is named by its record's kind, and never shown as its audit code.
  const label = (action: string, entity: string) => {
    const key = `workbench.did.${action}`;
    const s = t(key);
    if (s !== key) return s;
    const e = `workbench.entity.${entity}`;
    const es = t(e);
    return es !== e ? t('workbench.did.generic', { entity: es }) : t('workbench.did.other');
  };
  return (
    <PlainList
      items={items}
      rowKey={(d) => d.id}
      data-testid="workbench-done"
      render={(d) => (
        <>
          <Txt>{label(d.action, d.entity)}</Txt>{' '}
          {d.href ? <Link to={d.href}>{d.title ?? t('workbench.open')}</Link> : d.title && <Txt>{d.title}</Txt>}
          <div>
            <Txt secondary small>
              {formatDateTime(d.at)}
            </Txt>
          </div>
        </>
      )}
    />
  );
}
