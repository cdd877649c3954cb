import { Tag } from 'antd';
import type { AdoptionLevel, InfoStatus } from '@township-office/domain/information';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { StatusTag, type StatusTone } from '../../../lib/format.tsx';

const TONE: Record<InfoStatus, StatusTone> = { submitted: 'inProgress', adopted: 'done', not_adopted: 'draft', withdrawn: 'draft' };

export function InfoStatusTag({ status }: { status: InfoStatus }) {
  const t = useT();
  return <StatusTag tone={TONE[status]}>{t(`information.status.${status}`)}</StatusTag>;
}

export function LevelTags({ levels }: { levels: { level: AdoptionLevel; points: number }[] }) {
  const t = useT();
  return (
    <>
      {levels.map((a) => (
        <Tag key={a.level} color={a.level.startsWith('county') ? 'blue' : 'gold'}>
          {t(`information.level.${a.level}`)} +{a.points}
        </Tag>
      ))}
    </>
  );
}
